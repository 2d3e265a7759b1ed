import { describe, expect, it } from 'vitest';
import { findZoneMention } from './index.js';

const zoneOf = (text: string) => findZoneMention(text)?.timeZone ?? null;

describe('findZoneMention: Russian', () => {
  it.each([
    ['я в Москве', 'Europe/Moscow'],
    ['Я в москве', 'Europe/Moscow'],
    ['я из Москвы, напишите завтра', 'Europe/Moscow'],
    ['мы тоже из Москвы', 'Europe/Moscow'],
    ['живу в Питере', 'Europe/Moscow'],
    ['я живу в СПб', 'Europe/Moscow'],
    ['мы сейчас в Алматы', 'Asia/Almaty'],
    ['нахожусь в Киеве', 'Europe/Kyiv'],
    ['мы находимся в Новосибирске', 'Asia/Novosibirsk'],
    ['я в Екб', 'Asia/Yekaterinburg'],
    ['я в Мск', 'Europe/Moscow'],
    ['я в Нижнем Новгороде', 'Europe/Moscow'],
    ['я в Набережных Челнах', 'Europe/Moscow'],
    ['я в Ростове-на-Дону', 'Europe/Moscow'],
    ['мы в Санкт-Петербурге', 'Europe/Moscow'],
    ['я сейчас на Бали', 'Asia/Makassar'],
    ['я на Пхукете', 'Asia/Bangkok'],
    ['я в Дубае', 'Asia/Dubai'],
    ['я в Лимассоле', 'Asia/Nicosia'],
    ['я в Вене', 'Europe/Vienna'],
    ['я в Казахстане', 'Asia/Almaty'],
    ['мы в Германии', 'Europe/Berlin'],
    ['мы на Кипре', 'Asia/Nicosia'],
    ['я из Москвы, сейчас на Бали', 'Asia/Makassar'],
    ['Живём в Краснодаре', 'Europe/Moscow'],
    ['мы базируемся в Ташкенте', 'Asia/Tashkent'],
    ['Проживаю в Иркутске', 'Asia/Irkutsk'],
    ['мы в Крыму', 'Europe/Simferopol'],
    ['я на Урале', 'Asia/Yekaterinburg'],
    ['мы на Канарах', 'Atlantic/Canary'],
    ['Я в Казани до пятницы', 'Europe/Moscow'],
    ['я в Москве, не звоните до обеда', 'Europe/Moscow'],
  ])('%s → %s (presence, residence, origin)', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it.each([
    ['по московскому времени', 'Europe/Moscow'],
    ['по московскому', 'Europe/Moscow'],
    ['давайте в 10 по московскому', 'Europe/Moscow'],
    ['у нас московское время', 'Europe/Moscow'],
    ['по питерскому времени', 'Europe/Moscow'],
    ['по екатеринбургскому времени', 'Asia/Yekaterinburg'],
    ['по алматинскому', 'Asia/Almaty'],
    ['по киевскому времени', 'Europe/Kyiv'],
    ['по самарскому времени', 'Europe/Samara'],
    ['по уральскому времени', 'Asia/Yekaterinburg'],
    ['по Киеву', 'Europe/Kyiv'],
    ['в 15 по Киеву', 'Europe/Kyiv'],
    ['в 12:30 по Москве', 'Europe/Moscow'],
    ['пишите по Алматы', 'Asia/Almaty'],
    ['по времени Екатеринбурга', 'Asia/Yekaterinburg'],
    ['по времени Алматы', 'Asia/Almaty'],
    ['по мск', 'Europe/Moscow'],
    ['созвон в 12:00 МСК', 'Europe/Moscow'],
    ['мы по мск работаем', 'Europe/Moscow'],
    ['часовой пояс: Москва', 'Europe/Moscow'],
  ])('%s → %s (a stated clock)', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it.each([
    ['Алматы', 'Asia/Almaty'],
    ['Москва', 'Europe/Moscow'],
    ['Москва, Россия', 'Europe/Moscow'],
    ['г. Алматы', 'Asia/Almaty'],
    ['в Казани', 'Europe/Moscow'],
    ['Вена', 'Europe/Vienna'],
    ['Казахстан', 'Asia/Almaty'],
    ['Екб', 'Asia/Yekaterinburg'],
  ])('%s → %s (a place as the whole answer)', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it.each([
    'мы приедем в Москву в декабре',
    'в Москве дорого',
    'летим в Берлин',
    'я в Москву',
    'я был в Москве',
    'он живет в Москве',
    'сейчас в Москве дождь',
    'я в Москве на следующей неделе',
    'я в Москве буду в декабре',
    'я в Вене буду завтра',
    'я в шоке',
    'я в отпуске',
    'я в пути',
    'мы в теме',
    'я в деле',
    'я в курсе',
    'я в вене', // a vein
    'я на море',
    'я в бане',
    'я в горах',
    'я на работе',
    'я на связи',
    'я из дома',
    'гуляем по Киеву',
    'по московскому проспекту',
    'по местному времени',
    'по теме',
    'Москва слезам не верит',
    'я в 10',
    'я в Москве не был',
    'я в Москве жил 5 лет',
    'мы в Минске были летом',
    'в Москве сейчас 10 утра',
    'у нас в Москве снег',
    'я в лесу',
  ])('%s → nothing', (text) => {
    expect(findZoneMention(text)).toBeNull();
  });

  it('gives no guess for a country with several zones', () => {
    expect(findZoneMention('я в России')).toBeNull();
    expect(findZoneMention('мы в Штатах')).toBeNull();
    expect(findZoneMention('я в США')).toBeNull();
    expect(findZoneMention('Индонезия')).toBeNull();
    // where they are now outranks where they are from, even when it has no single zone
    expect(findZoneMention('я из Москвы, но сейчас в США')).toBeNull();
  });
});

describe('findZoneMention: English', () => {
  it.each([
    ["I'm in Berlin", 'Europe/Berlin'],
    ['im in berlin', 'Europe/Berlin'],
    ['I am in Berlin', 'Europe/Berlin'],
    ['I live in New York', 'America/New_York'],
    ["we're based in London", 'Europe/London'],
    ['based in Tallinn', 'Europe/Tallinn'],
    ["I'm from Kazan", 'Europe/Moscow'],
    ["I'm in Nice", 'Europe/Paris'],
    ["I'm in LA", 'America/Los_Angeles'],
    ["I'm in Germany", 'Europe/Berlin'],
    ["I'm in the UAE", 'Asia/Dubai'],
    ["I'm in Bali", 'Asia/Makassar'],
    ["I'm currently in Lisbon", 'Europe/Lisbon'],
    ["I'm staying in Bangkok", 'Asia/Bangkok'],
    ["Hi! We're a small team based in Warsaw", 'Europe/Warsaw'],
    ["I'm in Berlin until Friday", 'Europe/Berlin'],
    ['Currently in Dubai', 'Asia/Dubai'],
  ])('%s → %s', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it.each([
    ['my time is UTC+3', 'Etc/GMT-3'],
    ['GMT-5', 'Etc/GMT+5'],
    ['UTC+5:30', 'Asia/Kolkata'],
    ['Berlin time', 'Europe/Berlin'],
    ['in Moscow time', 'Europe/Moscow'],
    ['Kyiv time', 'Europe/Kyiv'],
    ['3pm Eastern time', 'America/New_York'],
    ['EST', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['10am EST', 'America/New_York'],
    ['at 15:00 CET please', 'Europe/Berlin'],
    ['my timezone is PST', 'America/Los_Angeles'],
    ['my time zone is Berlin', 'Europe/Berlin'],
  ])('%s → %s (a stated clock)', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it.each([
    'Moscow is cold',
    "I'm in a meeting",
    "I'm in love",
    "I'm in sales",
    "I'm in the office",
    "I'm in la",
    'im in nice shape',
    'Nice time to talk',
    'you are in Berlin',
    "I'll be in Berlin",
    "I'm in Berlin next week",
    'flying to Berlin',
    'we are in good hands',
    'est',
    'the best time is EST-ish', // no clock, no "time" after it
    'first time',
    'my time is limited',
    "I'm in Berlin on Friday",
    'I lived in London',
  ])('%s → nothing', (text) => {
    expect(findZoneMention(text)).toBeNull();
  });

  it("gives no guess for the US or Russia without a city", () => {
    expect(findZoneMention("I'm in the US")).toBeNull();
    expect(findZoneMention("I'm in Russia")).toBeNull();
    expect(findZoneMention('I live in the United States')).toBeNull();
  });
});

describe('findZoneMention: what it reports', () => {
  it('gives the words that named the zone, where they stand, and how they were read', () => {
    expect(findZoneMention('Добрый день! Я из Москвы, напишите завтра')).toEqual({
      timeZone: 'Europe/Moscow',
      matched: 'Москвы',
      index: 18,
      kind: 'place',
    });
    expect(findZoneMention('давайте по московскому времени')).toMatchObject({ matched: 'московскому времени', index: 11 });
    expect(findZoneMention('ok, my time is UTC+3')).toMatchObject({ matched: 'UTC+3', kind: 'offset', index: 15 });
    expect(findZoneMention('10am EST')).toMatchObject({ matched: 'EST', kind: 'abbreviation' });
  });

  it('prefers a stated clock to a place, and where one is to where one is from', () => {
    expect(zoneOf('я из Москвы, но пишите по времени Екатеринбурга')).toBe('Asia/Yekaterinburg');
    expect(zoneOf('я из Казани, живу в Новосибирске')).toBe('Asia/Novosibirsk');
    expect(zoneOf("I'm in Berlin, but let's use Kyiv time")).toBe('Europe/Kyiv');
  });

  it('keeps indices of the text as given (dashes and no-break spaces are not rewritten)', () => {
    const text = 'мы\u00a0в\u00a0Алматы — UTC\u22125';
    const found = findZoneMention(text)!;
    expect(text.slice(found.index, found.index + found.matched.length)).toBe(found.matched);
  });
});
