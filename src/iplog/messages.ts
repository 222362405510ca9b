import type { ExplanationCode, Lang } from './types';

/** Every sentence of the Markdown output, in both languages. */
export interface Messages {
  title: string;
  source(format: string, events: number, first: string, last: string, zone: string): string;
  addressesTitle: string;
  headers: { address: string; network: string; logins: string; failures: string; first: string; last: string; users: string; devices: string; locations: string; owner: string };
  moreRows(n: number): string;
  flaggedTitle(max: number): string;
  switchHeaders: { user: string; at: string; from: string; to: string; minutes: string; distance: string; speed: string; explanation: string };
  noFlagged(max: number): string;
  explanation: Record<ExplanationCode, string>;
  unexplained: string;
  findingsTitle: string;
  summary(events: number, ips: number, users: number, first: string, last: string): string;
  flaggedSummary(flagged: number, total: number, max: number): string;
  ourNetworks(count: number, labels: string, places: string): string;
  sameOwner(count: number): string;
  backAndForth(count: number, minutes: number): string;
  unexplainedCount(count: number): string;
  manyPlaces(ip: string, places: string): string;
  ourAddressPlaces(list: string): string;
  devices(user: string, count: number, list: string): string;
  specialRanges(list: string): string;
  unread(count: number, examples: string): string;
  unreadExample(line: number, reason: string): string;
  methodTitle: string;
  method: {
    threshold(max: number): string;
    events: string;
    timezone(zone: string, source: 'option' | 'machine', utcColumns: boolean): string;
    input(format: string, encoding: string): string;
    locations(sources: string[]): string;
    rdap(source: string | undefined): string;
    omitted(n: number): string;
  };
  ownerFailed(reason: string): string;
  yes: string;
  none: string;
}

export const MESSAGES: Record<Lang, Messages> = {
  en: {
    title: 'IP address analysis',
    source: (format, events, first, last, zone) => `${events} logins from the vendor's log (${format}), ${first} to ${last} (${zone}).`,
    addressesTitle: 'Addresses',
    headers: { address: 'Address', network: 'Our network', logins: 'Logins', failures: 'Failed', first: 'First seen', last: 'Last seen', users: 'Users', devices: 'Devices (browser / platform)', locations: 'Location claimed in the log', owner: 'Registered owner (RDAP)' },
    moreRows: (n) => `… and ${n} more (see the JSON output).`,
    flaggedTitle: (max) => `Address switches faster than ${max} km/h`,
    switchHeaders: { user: 'User', at: 'Time', from: 'From (claimed location)', to: 'To (claimed location)', minutes: 'Interval (min)', distance: 'Distance (km)', speed: 'Implied speed (km/h)', explanation: 'Explanation' },
    noFlagged: (max) => `No switch between addresses implies travel faster than ${max} km/h.`,
    explanation: {
      'our-networks': 'Both ours: a geolocation error',
      'same-owner': 'One registered network (RDAP)',
      'network-switching': 'Back and forth between two addresses within minutes: one device switching networks',
      'several-devices': 'Different devices of the same user: one person\'s PC, phone and tablet',
    },
    unexplained: 'Not explained by the data',
    findingsTitle: 'Findings',
    summary: (events, ips, users, first, last) => `The log holds ${events} logins from ${ips} addresses by ${users} user(s), from ${first} to ${last}.`,
    flaggedSummary: (flagged, total, max) => `${flagged} of ${total} address switches would require travel faster than ${max} km/h between the locations the log claims.`,
    ourNetworks: (count, labels, places) => `${count} of them are between addresses in our own declared networks (${labels}). The log places these same lines in ${places}; one office cannot be in both places, so the vendor's geolocation is inconsistent and the logins are not evidence of two people.`,
    sameOwner: (count) => `${count} of them are between addresses registered to the same network holder (RDAP): the geolocation differs, the network is one.`,
    backAndForth: (count, minutes) => `${count} switch(es) go back and forth between the same two addresses within ${minutes} minutes: this is one device moving between two networks (for example a primary and a secondary Wi-Fi line), not travel.`,
    unexplainedCount: (count) => `${count} flagged switch(es) are not explained by the data in the log; see the table above.`,
    manyPlaces: (ip, places) => `The log places ${ip} in several locations (${places}), so its geolocation for this address is not consistent.`,
    ourAddressPlaces: (list) => `Locations the log claims for our own addresses: ${list}.`,
    devices: (user, count, list) => `${user} used ${count} devices (${list}): one person's PC, phone and tablet, each with its own connection.`,
    specialRanges: (list) => `Addresses in special-purpose ranges: ${list}.`,
    unread: (count, examples) => `${count} row(s) of the log could not be read and are not counted above (${examples}).`,
    unreadExample: (line, reason) => `line ${line}: ${reason}`,
    methodTitle: 'Method',
    method: {
      threshold: (max) => `A switch is flagged when the distance between the two claimed locations divided by the time between the logins exceeds ${max} km/h (roughly a passenger jet).`,
      events: 'Successful and failed logins both count as the user being seen at an address; a switch is two consecutive logins of one user from different addresses, in time order.',
      timezone: (zone, source, utc) => `Times are shown in ${zone}${source === 'option' ? ' (from the case data)' : ' (this computer\'s time zone)'}; times without an offset were read in that zone${utc ? ', except columns marked UTC' : ''}.`,
      input: (format, encoding) => `Input: ${format}, character encoding ${encoding}.`,
      locations: (sources) => `Distances are great-circle distances between the locations the vendor's log claims, using ${sources.join(' and ')}; they say nothing about where the users actually were.`,
      rdap: (source) => (source ? `Registered owners were looked up by RDAP (${source}).` : 'No owner lookup (RDAP) was made.'),
      omitted: (n) => `${n} unflagged switch(es) are counted but not listed.`,
    },
    ownerFailed: (reason) => `lookup failed: ${reason}`,
    yes: 'yes',
    none: '—',
  },
  ja: {
    title: 'IPアドレス分析',
    source: (format, events, first, last, zone) => `ベンダー提供ログ（${format}）のログイン${events}件、期間 ${first} ～ ${last}（${zone}）を分析しました。`,
    addressesTitle: 'アドレス別集計',
    headers: { address: 'IPアドレス', network: '当社回線', logins: 'ログイン数', failures: '失敗', first: '初回', last: '最終', users: 'ユーザー', devices: '端末（ブラウザ／OS）', locations: 'ログ上の所在地', owner: '登録上の保有者（RDAP）' },
    moreRows: (n) => `…ほか${n}件（JSON出力をご参照ください）。`,
    flaggedTitle: (max) => `時速${max}kmを超える移動を要するアドレス切替`,
    switchHeaders: { user: 'ユーザー', at: '日時', from: '切替前（ログ上の所在地）', to: '切替後（ログ上の所在地）', minutes: '間隔（分）', distance: '距離（km）', speed: '必要な速度（km/h）', explanation: '説明' },
    noFlagged: (max) => `時速${max}kmを超える移動を要するアドレス切替はありません。`,
    explanation: {
      'our-networks': '双方とも当社回線（位置情報の誤り）',
      'same-owner': '同一の登録ネットワーク（RDAP）',
      'network-switching': '数分以内に二つのアドレスを往復しています。同一端末による回線の切替です',
      'several-devices': '同一ユーザーの別端末です。一人の利用者のPC・スマートフォン・タブレットです',
    },
    unexplained: 'ログのデータからは説明できません',
    findingsTitle: '所見',
    summary: (events, ips, users, first, last) => `ログには、${first} から ${last} までの間に、${users}名のユーザーによる${ips}個のアドレスからのログイン${events}件が記録されています。`,
    flaggedSummary: (flagged, total, max) => `アドレスの切替${total}件のうち${flagged}件は、ログ上の所在地どおりであれば時速${max}kmを超える移動が必要となります。`,
    ourNetworks: (count, labels, places) => `このうち${count}件は、当社が届け出ているネットワーク（${labels}）内のアドレス間の切替です。ログはこれらの回線を${places}に位置付けていますが、同一の事業所が両地点に同時に存在することはありません。貴社の位置情報に不整合があるものであり、二人の人物による利用を示すものではありません。`,
    sameOwner: (count) => `このうち${count}件は、RDAP上同一の保有者に登録されたアドレス間の切替です。位置情報が異なるだけで、ネットワークは同一です。`,
    backAndForth: (count, minutes) => `${count}件の切替は、${minutes}分以内に同じ二つのアドレスを往復するものです。これは一台の端末が二つの回線（例：無線LANの正系と副系）を切り替えているものであり、移動ではありません。`,
    unexplainedCount: (count) => `警告対象の切替のうち${count}件は、ログのデータだけでは説明できません。上表をご確認ください。`,
    manyPlaces: (ip, places) => `ログは ${ip} を複数の所在地（${places}）に位置付けており、このアドレスの位置情報には一貫性がありません。`,
    ourAddressPlaces: (list) => `当社アドレスについてログが示す所在地：${list}。`,
    devices: (user, count, list) => `${user} は${count}台の端末（${list}）を利用しています。一人の利用者がPC・スマートフォン・タブレットをそれぞれの回線で使用しているものです。`,
    specialRanges: (list) => `特殊用途範囲のアドレス：${list}。`,
    unread: (count, examples) => `ログのうち${count}行は読み取れなかったため、上記の集計に含めていません（${examples}）。`,
    unreadExample: (line, reason) => `${line}行目：${reason}`,
    methodTitle: '分析方法',
    method: {
      threshold: (max) => `二つのログイン間のログ上の所在地の距離を経過時間で割った速度が時速${max}km（旅客機程度）を超える切替を警告対象としています。`,
      events: 'ログインの成功・失敗にかかわらず、そのアドレスでユーザーが確認されたものとして扱っています。切替とは、同一ユーザーの時刻順で連続する二つのログインのアドレスが異なるものをいいます。',
      timezone: (zone, source, utc) => `日時は${zone}${source === 'option' ? '（案件データの指定）' : '（このコンピューターのタイムゾーン）'}で表示しています。時差表記のない日時は同タイムゾーンとして読み取りました${utc ? '（UTCと明記された列を除きます）' : ''}。`,
      input: (format, encoding) => `入力形式：${format}、文字コード：${encoding}。`,
      locations: (sources) => `距離は、ベンダーのログが示す所在地間の大圏距離です（座標の出典：${sources.join('、')}）。利用者が実際にいた場所を示すものではありません。`,
      rdap: (source) => (source ? `登録上の保有者はRDAP（${source}）で照会しました。` : '保有者の照会（RDAP）は行っていません。'),
      omitted: (n) => `警告対象外の切替${n}件は件数にのみ含め、一覧には記載していません。`,
    },
    ownerFailed: (reason) => `照会失敗：${reason}`,
    yes: 'はい',
    none: '—',
  },
};

export const LOCATION_SOURCE_NAMES: Record<Lang, Record<'log-coordinates' | 'gazetteer', string>> = {
  en: { 'log-coordinates': 'the coordinates in the log', gazetteer: 'a built-in table of place coordinates (prefectural capitals, major cities, country centres)' },
  ja: { 'log-coordinates': 'ログ記載の座標', gazetteer: '内蔵の地名座標表（都道府県庁所在地・主要都市・各国の中心付近）' },
};
