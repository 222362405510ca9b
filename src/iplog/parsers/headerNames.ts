/**
 * Column names as the vendors' exports spell them (English and Japanese).
 * Headers are compared after NFKC, lower-casing and removing spaces and
 * punctuation, so "Source IP", "source_ip" and "ＳｏｕｒｃｅＩＰ" are the same.
 */
export type Field =
  | 'ip'
  | 'time'
  | 'user'
  | 'status'
  | 'errorCode'
  | 'browser'
  | 'platform'
  | 'userAgent'
  | 'location'
  | 'city'
  | 'state'
  | 'country'
  | 'lat'
  | 'lon'
  | 'auditData';

const NAMES: Record<Field, string[]> = {
  ip: ['sourceip', 'ipaddress', 'ip', 'clientip', 'clientipaddress', 'actoripaddress', 'ipaddr', 'remoteip', 'remoteaddress', 'sourceipaddress', 'callerip', 'callingip', 'ipアドレス', '送信元ip', '送信元ipアドレス', '接続元ip', '接続元ipアドレス', 'ログインip', 'アクセス元ip'],
  time: ['logintime', 'dateutc', 'date', 'time', 'datetime', 'timestamp', 'createddatetime', 'creationtime', 'creationdate', 'published', 'eventtime', 'logintimeutc', 'logindate', 'ログイン時間', 'ログイン時刻', 'ログイン日時', '日時', '日付', '時刻', '発生日時', '作成日時'],
  user: ['userprincipalname', 'username', 'actoralternateid', 'email', 'emailaddress', 'userid', 'userids', 'user', 'actor', 'login', 'ユーザー名', 'ユーザ名', 'ユーザー', 'ユーザ', 'ユーザーid', 'ログインユーザー', 'ログインid', 'メールアドレス'],
  status: ['status', 'result', 'outcome', 'resultstatus', 'eventname', 'loginstatus', '状況', 'ステータス', '結果', 'ログイン状況'],
  errorCode: ['signinerrorcode', 'errorcode', 'statuserrorcode'],
  browser: ['browser', 'ブラウザ', 'ブラウザー', 'browsertype'],
  platform: ['platform', 'operatingsystem', 'os', 'プラットフォーム', 'オペレーティングシステム', 'os名'],
  userAgent: ['useragent', 'ユーザーエージェント'],
  location: ['location', 'geolocation', '場所', '位置', '位置情報', 'ロケーション', '地域'],
  city: ['city', '都市', '市区町村'],
  state: ['state', 'region', 'stateorprovince', '都道府県', '州'],
  country: ['country', 'countryorregion', '国', '国名', '国地域'],
  lat: ['latitude', 'lat', '緯度'],
  lon: ['longitude', 'lon', 'lng', 'long', '経度'],
  auditData: ['auditdata'],
};

/** Field and rank: when two columns name the same field, the lower rank (listed earlier) wins. */
const BY_NAME = new Map<string, { field: Field; rank: number }>();
for (const [field, names] of Object.entries(NAMES) as [Field, string[]][]) names.forEach((n, rank) => BY_NAME.set(n, { field, rank }));

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()（）［］[\]/:：・]+/g, '');
}

export function fieldOf(header: string): Field | undefined {
  return BY_NAME.get(normaliseHeader(header))?.field;
}

/** Column index of each known field; the most specific name wins ("Username" over "User"). */
export type ColumnMap = Partial<Record<Field, number>>;

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  const ranks: Partial<Record<Field, number>> = {};
  headers.forEach((h, i) => {
    const hit = BY_NAME.get(normaliseHeader(h));
    if (!hit) return;
    const best = ranks[hit.field];
    if (best === undefined || hit.rank < best) {
      map[hit.field] = i;
      ranks[hit.field] = hit.rank;
    }
  });
  return map;
}

/** A header says its times are UTC ("Date (UTC)"), which overrides the default zone. */
export function saysUtc(header: string): boolean {
  return /\b(utc|gmt)\b/i.test(header.normalize('NFKC'));
}

export const ACCEPTED_IP_HEADERS = ['Source IP', 'IP Address', 'Client IP', 'IPアドレス', '送信元IP'];
export const ACCEPTED_TIME_HEADERS = ['Login Time', 'Date (UTC)', 'Date', 'CreationTime', 'ログイン時間', '日時'];
