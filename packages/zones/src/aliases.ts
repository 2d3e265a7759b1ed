/**
 * Places a client names that GeoNames' city table does not carry, or carries under another
 * meaning: chat abbreviations (Мск, Екб, Нск — Питер, СПб and NYC are in GeoNames), islands and
 * regions (there "Бали" is a town in India, "Bali" an alternate name of Bari, "Гоа" a town in the
 * Philippines), and the one-zone regions of multi-zone Russia.
 * Keys are normalised (`nameKey`), in the nominative; the Russian ones decline like any noun.
 */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['мск', 'Europe/Moscow'],
  ['подмосковье', 'Europe/Moscow'],
  ['московская область', 'Europe/Moscow'],
  ['ленобласть', 'Europe/Moscow'],
  ['ленинградская область', 'Europe/Moscow'],
  ['екб', 'Asia/Yekaterinburg'],
  ['екат', 'Asia/Yekaterinburg'],
  ['нск', 'Asia/Novosibirsk'],
  ['новосиб', 'Asia/Novosibirsk'],
  ['урал', 'Asia/Yekaterinburg'],
  ['крым', 'Europe/Simferopol'],
  ['камчатка', 'Asia/Kamchatka'],
  ['сахалин', 'Asia/Sakhalin'],
  ['приморье', 'Asia/Vladivostok'],
  ['бали', 'Asia/Makassar'],
  ['гоа', 'Asia/Kolkata'],
  ['самуи', 'Asia/Bangkok'],
  ['тенерифе', 'Atlantic/Canary'],
  ['канары', 'Atlantic/Canary'],
  ['bali', 'Asia/Makassar'],
  ['goa', 'Asia/Kolkata'],
  ['koh samui', 'Asia/Bangkok'],
  ['samui', 'Asia/Bangkok'],
  ['crimea', 'Europe/Simferopol'],
  ['canary islands', 'Atlantic/Canary'],
  ['la', 'America/Los_Angeles'],
  ['sf', 'America/Los_Angeles'],
  ['dc', 'America/New_York'],
]);

/**
 * Aliases that are also ordinary words or too short to trust in lower case: they count only as
 * written here ("LA", not "la").
 */
export const CASE_SENSITIVE_ALIASES: ReadonlySet<string> = new Set(['LA', 'SF', 'DC']);

/**
 * Adjectives of regions rather than cities ("по уральскому времени" means Yekaterinburg's, not
 * Oral's in Kazakhstan) and of the European zones; the key is the stem before -ск-/-йск-.
 */
export const ADJECTIVE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['уральск', 'Asia/Yekaterinburg'],
  ['дальневосточн', 'Asia/Vladivostok'],
  ['среднеевропейск', 'Europe/Berlin'],
  ['центральноевропейск', 'Europe/Berlin'],
  ['восточноевропейск', 'Europe/Kyiv'],
  ['западноевропейск', 'Europe/Lisbon'],
  ['гринвичск', 'Etc/UTC'],
  ['камчатск', 'Asia/Kamchatka'],
  ['сахалинск', 'Asia/Sakhalin'],
  ['крымск', 'Europe/Simferopol'],
]);
