/** The person every UI test onboards, as the widget's form fields (JSON pointers) would be filled. Plain data: browser and node tests share it. */
export const PERSON_FORM = {
  '/personalInformation/firstName': 'Jane',
  '/personalInformation/lastName': 'Smith',
  '/email': 'jane.smith@example.com',
  '/phone': '4155550123',
  '/address/country': 'USA',
  '/address/line1': '233 South Wacker Drive',
  '/address/city': 'Chicago',
  '/address/state': 'IL',
  '/address/postalCode': '60606',
  '/personalInformation/dateOfBirth': '1990-04-12',
  '/personalInformation/taxIdentificationNumber': '123-45-6789',
};
