/**
 * ISO 3166-1 countries as SpherePay wants them (alpha-3), with the alpha-2
 * code `Intl.DisplayNames` needs for a localised name, and the international
 * calling code that helps people write their phone number in E.164.
 * One compact table, so the browser ships a few KB instead of a library.
 */

export interface CountryInfo {
  alpha3: string;
  alpha2: string;
  /** Calling code without the "+", e.g. "1", "44"; empty where none applies. */
  callingCode: string;
}

// "alpha3 alpha2 callingCode" entries, comma separated.
const TABLE =
  'AFG AF 93,ALA AX 358,ALB AL 355,DZA DZ 213,ASM AS 1,AND AD 376,AGO AO 244,AIA AI 1,ATA AQ 672,ATG AG 1,ARG AR 54,ARM AM 374,' +
  'ABW AW 297,AUS AU 61,AUT AT 43,AZE AZ 994,BHS BS 1,BHR BH 973,BGD BD 880,BRB BB 1,BLR BY 375,BEL BE 32,BLZ BZ 501,BEN BJ 229,' +
  'BMU BM 1,BTN BT 975,BOL BO 591,BES BQ 599,BIH BA 387,BWA BW 267,BVT BV 47,BRA BR 55,IOT IO 246,BRN BN 673,BGR BG 359,BFA BF 226,' +
  'BDI BI 257,CPV CV 238,KHM KH 855,CMR CM 237,CAN CA 1,CYM KY 1,CAF CF 236,TCD TD 235,CHL CL 56,CHN CN 86,CXR CX 61,CCK CC 61,' +
  'COL CO 57,COM KM 269,COG CG 242,COD CD 243,COK CK 682,CRI CR 506,CIV CI 225,HRV HR 385,CUB CU 53,CUW CW 599,CYP CY 357,CZE CZ 420,' +
  'DNK DK 45,DJI DJ 253,DMA DM 1,DOM DO 1,ECU EC 593,EGY EG 20,SLV SV 503,GNQ GQ 240,ERI ER 291,EST EE 372,SWZ SZ 268,ETH ET 251,' +
  'FLK FK 500,FRO FO 298,FJI FJ 679,FIN FI 358,FRA FR 33,GUF GF 594,PYF PF 689,ATF TF 262,GAB GA 241,GMB GM 220,GEO GE 995,DEU DE 49,' +
  'GHA GH 233,GIB GI 350,GRC GR 30,GRL GL 299,GRD GD 1,GLP GP 590,GUM GU 1,GTM GT 502,GGY GG 44,GIN GN 224,GNB GW 245,GUY GY 592,' +
  'HTI HT 509,HMD HM 672,VAT VA 39,HND HN 504,HKG HK 852,HUN HU 36,ISL IS 354,IND IN 91,IDN ID 62,IRN IR 98,IRQ IQ 964,IRL IE 353,' +
  'IMN IM 44,ISR IL 972,ITA IT 39,JAM JM 1,JPN JP 81,JEY JE 44,JOR JO 962,KAZ KZ 7,KEN KE 254,KIR KI 686,PRK KP 850,KOR KR 82,' +
  'KWT KW 965,KGZ KG 996,LAO LA 856,LVA LV 371,LBN LB 961,LSO LS 266,LBR LR 231,LBY LY 218,LIE LI 423,LTU LT 370,LUX LU 352,MAC MO 853,' +
  'MDG MG 261,MWI MW 265,MYS MY 60,MDV MV 960,MLI ML 223,MLT MT 356,MHL MH 692,MTQ MQ 596,MRT MR 222,MUS MU 230,MYT YT 262,MEX MX 52,' +
  'FSM FM 691,MDA MD 373,MCO MC 377,MNG MN 976,MNE ME 382,MSR MS 1,MAR MA 212,MOZ MZ 258,MMR MM 95,NAM NA 264,NRU NR 674,NPL NP 977,' +
  'NLD NL 31,NCL NC 687,NZL NZ 64,NIC NI 505,NER NE 227,NGA NG 234,NIU NU 683,NFK NF 672,MKD MK 389,MNP MP 1,NOR NO 47,OMN OM 968,' +
  'PAK PK 92,PLW PW 680,PSE PS 970,PAN PA 507,PNG PG 675,PRY PY 595,PER PE 51,PHL PH 63,PCN PN 64,POL PL 48,PRT PT 351,PRI PR 1,' +
  'QAT QA 974,REU RE 262,ROU RO 40,RUS RU 7,RWA RW 250,BLM BL 590,SHN SH 290,KNA KN 1,LCA LC 1,MAF MF 590,SPM PM 508,VCT VC 1,' +
  'WSM WS 685,SMR SM 378,STP ST 239,SAU SA 966,SEN SN 221,SRB RS 381,SYC SC 248,SLE SL 232,SGP SG 65,SXM SX 1,SVK SK 421,SVN SI 386,' +
  'SLB SB 677,SOM SO 252,ZAF ZA 27,SGS GS 500,SSD SS 211,ESP ES 34,LKA LK 94,SDN SD 249,SUR SR 597,SJM SJ 47,SWE SE 46,CHE CH 41,' +
  'SYR SY 963,TWN TW 886,TJK TJ 992,TZA TZ 255,THA TH 66,TLS TL 670,TGO TG 228,TKL TK 690,TON TO 676,TTO TT 1,TUN TN 216,TUR TR 90,' +
  'TKM TM 993,TCA TC 1,TUV TV 688,UGA UG 256,UKR UA 380,ARE AE 971,GBR GB 44,USA US 1,UMI UM 1,URY UY 598,UZB UZ 998,VUT VU 678,' +
  'VEN VE 58,VNM VN 84,VGB VG 1,VIR VI 1,WLF WF 681,ESH EH 212,YEM YE 967,ZMB ZM 260,ZWE ZW 263';

export const COUNTRIES: readonly CountryInfo[] = TABLE.split(',').map((entry) => {
  const [alpha3, alpha2, callingCode = ''] = entry.split(' ');
  return { alpha3: alpha3!, alpha2: alpha2!, callingCode };
});

const BY_ALPHA3 = new Map(COUNTRIES.map((c) => [c.alpha3, c]));

export const countryByAlpha3 = (alpha3: string): CountryInfo | undefined => BY_ALPHA3.get(alpha3);

/**
 * Countries whose addresses are not deliverable without a state or province
 * (ISO 3166-2 subdivision); SpherePay's schema enforces it for the USA.
 */
export const STATE_COUNTRIES: readonly string[] = ['USA', 'CAN', 'AUS', 'BRA', 'MEX', 'IND', 'CHN', 'ARG', 'MYS', 'NGA'];

/**
 * Countries without a postal code system (the Universal Postal Union's list,
 * alpha-3). Everywhere else an address is incomplete without one.
 */
export const NO_POSTAL_CODE: readonly string[] = [
  'AGO', 'ATG', 'ABW', 'BHS', 'BLZ', 'BEN', 'BOL', 'BWA', 'BFA', 'BDI', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'COD', 'COK', 'CIV',
  'DJI', 'DMA', 'GNQ', 'ERI', 'FJI', 'GAB', 'GMB', 'GHA', 'GRD', 'GUY', 'HKG', 'KIR', 'PRK', 'MAC', 'MWI', 'MLI', 'MRT', 'MSR',
  'NRU', 'NIU', 'QAT', 'RWA', 'KNA', 'LCA', 'STP', 'SYC', 'SLE', 'SLB', 'SOM', 'SUR', 'SYR', 'TLS', 'TGO', 'TKL', 'TON', 'TTO',
  'TUV', 'UGA', 'ARE', 'VUT', 'YEM', 'ZWE',
];

export const needsPostalCode = (alpha3: string) => !!alpha3 && !NO_POSTAL_CODE.includes(alpha3);

/** The country's localised name, falling back to the code where the runtime has none. */
export function countryName(alpha3: string, locale: string): string {
  const info = BY_ALPHA3.get(alpha3);
  if (!info) return alpha3;
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(info.alpha2) ?? alpha3;
  } catch {
    return alpha3;
  }
}

/** Every country as select options, sorted by localised name. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames | undefined;
  // The collator too: localeCompare throws on a tag the runtime rejects ("en_US").
  let collator: Intl.Collator;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    collator = new Intl.Collator([locale]);
  } catch {
    names = undefined;
    collator = new Intl.Collator();
  }
  return COUNTRIES.map((c) => ({ value: c.alpha3, label: names?.of(c.alpha2) ?? c.alpha3 }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * The calling code that starts an E.164 number (longest match wins, so "+1"
 * is the NANP and "+44" the UK), or undefined while none matches.
 */
export function callingCodeOf(phone: string): string | undefined {
  const digits = phone.replace(/^\+/, '');
  for (let len = 3; len >= 1; len--) {
    const code = digits.slice(0, len);
    if (COUNTRIES.some((c) => c.callingCode === code)) return code;
  }
  return undefined;
}

/** Tidies what a person typed into E.164: keeps digits, adds the country's code when there is no "+". */
export function toE164(typed: string, alpha3?: string): string {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return `+${trimmed.startsWith('00') ? digits.slice(2) : digits}`;
  const code = alpha3 ? countryByAlpha3(alpha3)?.callingCode : undefined;
  if (!digits) return '';
  if (!code) return `+${digits}`;
  return `+${code}${digits.replace(/^0+/, '')}`;
}
