/**
 * The keys that shared schemas put in a validation issue's `message`, and so
 * in a 422's `errors[].detail`. contract/ carries no user-facing words: the
 * widget's catalogue (`widget/i18n/<locale>/validation.ts`) says each key in
 * every locale, and the compiler checks it has them all.
 */
export const MESSAGE_KEYS = [
  // Generic, from the zod issue code (see spherepay/problem.ts)
  'required', 'wrongType', 'notAllowed', 'tooShort', 'tooLong', 'tooSmall', 'tooBig', 'invalidFormat', 'noMatchingForm', 'invalidValue', 'unknownField',
  // Shared shapes
  'amountFormat', 'amountPositive', 'basisPoints', 'basisPointsMax', 'countryCode', 'dateFormat', 'dateReal', 'emailFormat', 'phoneE164',
  'phoneLength', 'wholeNumber', 'wholeSeconds', 'pageMin', 'limitRange', 'otpCodeRequired', 'percentage', 'percentageMax', 'unknownRole', 'rolesRequired',
  // Customers
  'taxIdType', 'taxFieldsTogether', 'taxNeedsAddress', 'usSsnRequired', 'ssnFormat', 'taxDescriptionRequired', 'usState', 'stateRequired',
  'naicsCode', 'website', 'addressRequired', 'representativeRole', 'postalCodeRequired', 'adultsOnly', 'birthYear',
  // Bank accounts and wallets
  'accountNumber', 'routingNumber', 'iban', 'bic', 'pixCpf', 'pixCnpj', 'pixPhone', 'pixRandom', 'achOrWire', 'eachNetworkOnce', 'networkRequired',
  'addressSolana', 'addressTron', 'addressTronChecksum', 'addressStarknet', 'addressEvm', 'addressEvmChecksum',
  // Merchant policy (POST /api/sessions)
  'policyFeeMax', 'directionsRequired', 'currenciesRequired', 'maxBelowMin',
  // Documents
  'documentCountryRequired', 'documentTargetMismatch', 'documentTargetId',
  // Transfers
  'sepaReferenceLength', 'instrumentId', 'transferSides', 'quoteNoAmount', 'quoteNoCurrency', 'quoteNoFees', 'referenceOnBank', 'sortFormat',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];
