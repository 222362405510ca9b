/**
 * Built-in coordinates for the place names vendor logs print, so a claimed
 * distance can be computed without any network lookup. Japanese prefectures
 * use their capital's coordinates; countries a rough centre.
 */
export type Precision = 'coordinates' | 'city' | 'prefecture' | 'country';

export interface Place {
  name: string;
  lat: number;
  lon: number;
  precision: Precision;
}

// prefecture en, prefecture ja, capital en, capital ja, lat, lon
const PREFECTURES: [string, string, string, string, number, number][] = [
  ['Hokkaido', '北海道', 'Sapporo', '札幌', 43.0642, 141.3469],
  ['Aomori', '青森県', 'Aomori', '青森', 40.8246, 140.7406],
  ['Iwate', '岩手県', 'Morioka', '盛岡', 39.7036, 141.1527],
  ['Miyagi', '宮城県', 'Sendai', '仙台', 38.2688, 140.8721],
  ['Akita', '秋田県', 'Akita', '秋田', 39.7186, 140.1024],
  ['Yamagata', '山形県', 'Yamagata', '山形', 38.2404, 140.3633],
  ['Fukushima', '福島県', 'Fukushima', '福島', 37.7503, 140.4676],
  ['Ibaraki', '茨城県', 'Mito', '水戸', 36.3418, 140.4468],
  ['Tochigi', '栃木県', 'Utsunomiya', '宇都宮', 36.5657, 139.8836],
  ['Gunma', '群馬県', 'Maebashi', '前橋', 36.3911, 139.0608],
  ['Saitama', '埼玉県', 'Saitama', 'さいたま', 35.8569, 139.6489],
  ['Chiba', '千葉県', 'Chiba', '千葉', 35.6047, 140.1233],
  ['Tokyo', '東京都', 'Tokyo', '東京', 35.6895, 139.6917],
  ['Kanagawa', '神奈川県', 'Yokohama', '横浜', 35.4478, 139.6425],
  ['Niigata', '新潟県', 'Niigata', '新潟', 37.9026, 139.0236],
  ['Toyama', '富山県', 'Toyama', '富山', 36.6953, 137.2113],
  ['Ishikawa', '石川県', 'Kanazawa', '金沢', 36.5947, 136.6256],
  ['Fukui', '福井県', 'Fukui', '福井', 36.0652, 136.2216],
  ['Yamanashi', '山梨県', 'Kofu', '甲府', 35.6642, 138.5684],
  ['Nagano', '長野県', 'Nagano', '長野', 36.6513, 138.181],
  ['Gifu', '岐阜県', 'Gifu', '岐阜', 35.3912, 136.7223],
  ['Shizuoka', '静岡県', 'Shizuoka', '静岡', 34.9769, 138.3831],
  ['Aichi', '愛知県', 'Nagoya', '名古屋', 35.1802, 136.9066],
  ['Mie', '三重県', 'Tsu', '津', 34.7303, 136.5086],
  ['Shiga', '滋賀県', 'Otsu', '大津', 35.0045, 135.8686],
  ['Kyoto', '京都府', 'Kyoto', '京都', 35.0214, 135.7556],
  ['Osaka', '大阪府', 'Osaka', '大阪', 34.6863, 135.52],
  ['Hyogo', '兵庫県', 'Kobe', '神戸', 34.6913, 135.183],
  ['Nara', '奈良県', 'Nara', '奈良', 34.6851, 135.8329],
  ['Wakayama', '和歌山県', 'Wakayama', '和歌山', 34.226, 135.1675],
  ['Tottori', '鳥取県', 'Tottori', '鳥取', 35.5039, 134.2377],
  ['Shimane', '島根県', 'Matsue', '松江', 35.4723, 133.0505],
  ['Okayama', '岡山県', 'Okayama', '岡山', 34.6618, 133.9344],
  ['Hiroshima', '広島県', 'Hiroshima', '広島', 34.3966, 132.4596],
  ['Yamaguchi', '山口県', 'Yamaguchi', '山口', 34.1859, 131.4714],
  ['Tokushima', '徳島県', 'Tokushima', '徳島', 34.0658, 134.5593],
  ['Kagawa', '香川県', 'Takamatsu', '高松', 34.3401, 134.0434],
  ['Ehime', '愛媛県', 'Matsuyama', '松山', 33.8416, 132.7657],
  ['Kochi', '高知県', 'Kochi', '高知', 33.5597, 133.5311],
  ['Fukuoka', '福岡県', 'Fukuoka', '福岡', 33.6064, 130.4181],
  ['Saga', '佐賀県', 'Saga', '佐賀', 33.2494, 130.2988],
  ['Nagasaki', '長崎県', 'Nagasaki', '長崎', 32.7448, 129.8737],
  ['Kumamoto', '熊本県', 'Kumamoto', '熊本', 32.7898, 130.7417],
  ['Oita', '大分県', 'Oita', '大分', 33.2382, 131.6126],
  ['Miyazaki', '宮崎県', 'Miyazaki', '宮崎', 31.9111, 131.4239],
  ['Kagoshima', '鹿児島県', 'Kagoshima', '鹿児島', 31.5602, 130.5581],
  ['Okinawa', '沖縄県', 'Naha', '那覇', 26.2124, 127.6809],
];

// Other large cities that logs name (en, ja, lat, lon).
const CITIES: [string, string, number, number][] = [
  ['Kawasaki', '川崎', 35.5308, 139.703],
  ['Sagamihara', '相模原', 35.5714, 139.3733],
  ['Hamamatsu', '浜松', 34.7108, 137.7261],
  ['Kitakyushu', '北九州', 33.8834, 130.8752],
  ['Sakai', '堺', 34.5733, 135.483],
  ['Chitose', '千歳', 42.8209, 141.6508],
  ['Asahikawa', '旭川', 43.7706, 142.365],
  ['Hakodate', '函館', 41.7687, 140.7288],
  ['Kurashiki', '倉敷', 34.585, 133.772],
  ['Himeji', '姫路', 34.8151, 134.6853],
  ['Funabashi', '船橋', 35.6947, 139.9827],
  ['Kawaguchi', '川口', 35.8078, 139.7241],
  ['Hachioji', '八王子', 35.6664, 139.316],
  ['Tsukuba', 'つくば', 36.0835, 140.0764],
  ['Koriyama', '郡山', 37.4005, 140.3597],
  ['Iwaki', 'いわき', 37.0505, 140.8877],
  ['Kanazawa', '金沢', 36.5947, 136.6256],
  ['Shinjuku', '新宿', 35.6938, 139.7034],
  ['Chiyoda', '千代田', 35.694, 139.7536],
  ['Minato', '港区', 35.6581, 139.7516],
  ['Shibuya', '渋谷', 35.664, 139.6982],
  ['Okinawa City', '沖縄市', 26.3344, 127.8056],
  ['Urasoe', '浦添', 26.2458, 127.7219],
  ['Kushiro', '釧路', 42.9849, 144.3814],
  ['Obihiro', '帯広', 42.9239, 143.1961],
];

// ISO code, English name(s), Japanese name(s), lat, lon
const COUNTRIES: [string, string[], string[], number, number][] = [
  ['JP', ['Japan'], ['日本', '日本国'], 36.2, 138.25],
  ['US', ['United States', 'United States of America', 'USA'], ['アメリカ合衆国', 'アメリカ', '米国'], 39.8, -98.6],
  ['CA', ['Canada'], ['カナダ'], 56.1, -106.3],
  ['MX', ['Mexico'], ['メキシコ'], 23.6, -102.5],
  ['BR', ['Brazil'], ['ブラジル'], -14.2, -51.9],
  ['AR', ['Argentina'], ['アルゼンチン'], -38.4, -63.6],
  ['CL', ['Chile'], ['チリ'], -35.7, -71.5],
  ['CO', ['Colombia'], ['コロンビア'], 4.6, -74.3],
  ['PE', ['Peru'], ['ペルー'], -9.2, -75.0],
  ['GB', ['United Kingdom', 'UK', 'Great Britain'], ['イギリス', '英国'], 55.4, -3.4],
  ['IE', ['Ireland'], ['アイルランド'], 53.4, -8.2],
  ['FR', ['France'], ['フランス'], 46.2, 2.2],
  ['DE', ['Germany'], ['ドイツ'], 51.2, 10.5],
  ['NL', ['Netherlands', 'The Netherlands'], ['オランダ'], 52.1, 5.3],
  ['BE', ['Belgium'], ['ベルギー'], 50.5, 4.5],
  ['LU', ['Luxembourg'], ['ルクセンブルク'], 49.8, 6.1],
  ['CH', ['Switzerland'], ['スイス'], 46.8, 8.2],
  ['AT', ['Austria'], ['オーストリア'], 47.5, 14.6],
  ['IT', ['Italy'], ['イタリア'], 41.9, 12.6],
  ['ES', ['Spain'], ['スペイン'], 40.5, -3.7],
  ['PT', ['Portugal'], ['ポルトガル'], 39.4, -8.2],
  ['SE', ['Sweden'], ['スウェーデン'], 60.1, 18.6],
  ['NO', ['Norway'], ['ノルウェー'], 60.5, 8.5],
  ['FI', ['Finland'], ['フィンランド'], 61.9, 25.7],
  ['DK', ['Denmark'], ['デンマーク'], 56.3, 9.5],
  ['IS', ['Iceland'], ['アイスランド'], 64.96, -19.0],
  ['PL', ['Poland'], ['ポーランド'], 51.9, 19.1],
  ['CZ', ['Czechia', 'Czech Republic'], ['チェコ'], 49.8, 15.5],
  ['HU', ['Hungary'], ['ハンガリー'], 47.2, 19.5],
  ['RO', ['Romania'], ['ルーマニア'], 45.9, 24.97],
  ['BG', ['Bulgaria'], ['ブルガリア'], 42.7, 25.5],
  ['RS', ['Serbia'], ['セルビア'], 44.0, 21.0],
  ['HR', ['Croatia'], ['クロアチア'], 45.1, 15.2],
  ['GR', ['Greece'], ['ギリシャ'], 39.1, 21.8],
  ['EE', ['Estonia'], ['エストニア'], 58.6, 25.0],
  ['LV', ['Latvia'], ['ラトビア'], 56.9, 24.6],
  ['LT', ['Lithuania'], ['リトアニア'], 55.2, 23.9],
  ['UA', ['Ukraine'], ['ウクライナ'], 48.4, 31.2],
  ['RU', ['Russia', 'Russian Federation'], ['ロシア'], 61.5, 105.3],
  ['TR', ['Turkey', 'Türkiye'], ['トルコ'], 38.96, 35.2],
  ['IL', ['Israel'], ['イスラエル'], 31.0, 34.9],
  ['AE', ['United Arab Emirates', 'UAE'], ['アラブ首長国連邦'], 23.4, 53.8],
  ['SA', ['Saudi Arabia'], ['サウジアラビア'], 23.9, 45.1],
  ['QA', ['Qatar'], ['カタール'], 25.35, 51.18],
  ['EG', ['Egypt'], ['エジプト'], 26.8, 30.8],
  ['MA', ['Morocco'], ['モロッコ'], 31.8, -7.1],
  ['NG', ['Nigeria'], ['ナイジェリア'], 9.1, 8.7],
  ['KE', ['Kenya'], ['ケニア'], -0.02, 37.9],
  ['ZA', ['South Africa'], ['南アフリカ'], -30.6, 22.9],
  ['KZ', ['Kazakhstan'], ['カザフスタン'], 48.0, 66.9],
  ['IN', ['India'], ['インド'], 20.6, 78.96],
  ['PK', ['Pakistan'], ['パキスタン'], 30.4, 69.3],
  ['BD', ['Bangladesh'], ['バングラデシュ'], 23.7, 90.4],
  ['LK', ['Sri Lanka'], ['スリランカ'], 7.9, 80.8],
  ['CN', ['China'], ['中国', '中華人民共和国'], 35.9, 104.2],
  ['HK', ['Hong Kong'], ['香港'], 22.3, 114.2],
  ['TW', ['Taiwan'], ['台湾'], 23.7, 121.0],
  ['KR', ['South Korea', 'Korea', 'Republic of Korea'], ['韓国', '大韓民国'], 35.9, 127.8],
  ['MN', ['Mongolia'], ['モンゴル'], 46.9, 103.8],
  ['PH', ['Philippines'], ['フィリピン'], 12.9, 121.8],
  ['VN', ['Vietnam', 'Viet Nam'], ['ベトナム'], 14.1, 108.3],
  ['TH', ['Thailand'], ['タイ'], 15.9, 100.99],
  ['MY', ['Malaysia'], ['マレーシア'], 4.2, 101.98],
  ['SG', ['Singapore'], ['シンガポール'], 1.35, 103.8],
  ['ID', ['Indonesia'], ['インドネシア'], -0.8, 113.9],
  ['KH', ['Cambodia'], ['カンボジア'], 12.6, 104.99],
  ['MM', ['Myanmar'], ['ミャンマー'], 21.9, 95.96],
  ['AU', ['Australia'], ['オーストラリア'], -25.3, 133.8],
  ['NZ', ['New Zealand'], ['ニュージーランド'], -40.9, 174.9],
];

const cities = new Map<string, Place>();
const prefectures = new Map<string, Place>();
const countries = new Map<string, Place>();
const countryCodes = new Map<string, Place>();
/** Japanese names, longest first, for addresses written without separators (沖縄県那覇市). */
const jaNames: [string, Place][] = [];

function add(map: Map<string, Place>, names: string[], place: Place, ja: string[] = []): void {
  for (const n of names) if (!map.has(key(n))) map.set(key(n), place);
  for (const n of ja) jaNames.push([n, place]);
}

for (const [pref, prefJa, cap, capJa, lat, lon] of PREFECTURES) {
  const capital: Place = { name: `${cap}, ${pref}`, lat, lon, precision: 'city' };
  add(cities, [cap, `${cap} City`, `${cap}-shi`, capJa, `${capJa}市`], capital, [`${capJa}市`, capJa]);
  const region: Place = { name: pref, lat, lon, precision: 'prefecture' };
  const prefJaShort = prefJa === '北海道' ? prefJa : prefJa.slice(0, -1);
  add(prefectures, [pref, `${pref} Prefecture`, `${pref}-ken`, `${pref}-fu`, `${pref}-to`, prefJa, prefJaShort], region, [prefJa]);
}
for (const [en, ja, lat, lon] of CITIES) {
  const place: Place = { name: en, lat, lon, precision: 'city' };
  const jaCity = ja.endsWith('区') || ja.endsWith('市') ? ja : `${ja}市`;
  add(cities, [en, `${en} City`, `${en}-shi`, ja, jaCity], place, [jaCity, ja]);
}
for (const [code, en, ja, lat, lon] of COUNTRIES) {
  const place: Place = { name: en[0], lat, lon, precision: 'country' };
  add(countries, [...en, ...ja], place, ja);
  countryCodes.set(code.toLowerCase(), place);
}
// One-character names (津) would match inside unrelated words, so they are only matched whole.
for (let i = jaNames.length - 1; i >= 0; i--) if (jaNames[i][0].length < 2) jaNames.splice(i, 1);
jaNames.sort((a, b) => b[0].length - a[0].length);

function key(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[ōô]/g, 'o').replace(/[ūû]/g, 'u').replace(/\s+/g, ' ').trim();
}

const memo = new Map<string, Place | undefined>();

/** The most specific place named in a location text such as "Sapporo, Hokkaido, Japan" or "沖縄県那覇市". */
export function findPlace(text: string): Place | undefined {
  if (memo.has(text)) return memo.get(text);
  const place = lookup(text);
  if (memo.size > 10_000) memo.clear();
  memo.set(text, place);
  return place;
}

function lookup(text: string): Place | undefined {
  const parts = key(text)
    .split(/[,、，/]/)
    .map((p) => p.trim())
    .filter((p) => p && p !== 'n/a' && p !== '-');
  if (parts.length === 0) return undefined;
  for (const p of parts) {
    const hit = cities.get(p);
    if (hit) return hit;
  }
  for (const p of parts) {
    const hit = prefectures.get(p);
    if (hit) return hit;
  }
  const whole = key(text);
  for (const [name, place] of jaNames) if (place.precision !== 'country' && whole.includes(name)) return place;
  for (const p of parts) {
    const hit = countries.get(p);
    if (hit) return hit;
  }
  const last = parts[parts.length - 1];
  if (/^[a-z]{2}$/.test(last)) return countryCodes.get(last);
  for (const [name, place] of jaNames) if (whole.includes(name)) return place;
  return undefined;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
