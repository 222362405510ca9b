import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIp, parseCidr, findPlace, haversineKm } from '../../../src/iplog/index';
import { cidrContains } from '../../../src/iplog/cidr';
import { specialRange } from '../../../src/iplog/specialRanges';
import { rdapBaseFor } from '../../../src/iplog/rdap';

describe('IP addresses', () => {
  test('IPv4 with and without a port', () => {
    assert.equal(parseIp('203.0.113.5')?.text, '203.0.113.5');
    assert.equal(parseIp(' 203.0.113.5:443 ')?.text, '203.0.113.5');
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', 'a.b.c.d', '', '1.2.3.4:99999']) assert.equal(parseIp(bad), undefined, bad);
  });

  test('IPv6 is normalised to RFC 5952 form', () => {
    const cases: [string, string][] = [
      ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
      ['[2001:db8::1]:443', '2001:db8::1'],
      ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['fe80::1%eth0', 'fe80::1'],
      ['::', '::'],
      ['::1', '::1'],
      ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ];
    for (const [input, want] of cases) assert.equal(parseIp(input)?.text, want, input);
    assert.equal(parseIp('::ffff:198.51.100.7')?.version, 4);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '2001:db8:::1', '12345::1', 'g::1', '1::2::3', '[2001:db8::1']) assert.equal(parseIp(bad), undefined, bad);
  });

  test('CIDR membership for IPv4 and IPv6, including /0 and host routes', () => {
    const ip = parseIp('203.0.113.74')!;
    assert.ok(cidrContains(parseCidr('203.0.113.64/26')!, ip));
    assert.ok(!cidrContains(parseCidr('203.0.113.0/26')!, ip));
    assert.ok(cidrContains(parseCidr('0.0.0.0/0')!, ip));
    assert.ok(cidrContains(parseCidr('203.0.113.74/32')!, ip));
    assert.ok(cidrContains(parseCidr('2001:db8:abcd::/48')!, parseIp('2001:db8:abcd:12::1')!));
    assert.ok(!cidrContains(parseCidr('2001:db8:abcd::/48')!, parseIp('2001:db8:abce::1')!));
    assert.ok(!cidrContains(parseCidr('::/0')!, ip));
    assert.equal(parseCidr('203.0.113.0/33'), undefined);
    assert.equal(parseCidr('203.0.113.0'), undefined);
  });

  test('special-purpose ranges', () => {
    const cases: [string, string | undefined][] = [
      ['10.1.2.3', 'private'],
      ['172.31.0.1', 'private'],
      ['172.32.0.1', undefined],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'shared'],
      ['100.128.0.1', undefined],
      ['127.0.0.1', 'loopback'],
      ['169.254.10.10', 'link-local'],
      ['192.0.2.1', 'documentation'],
      ['198.51.100.1', 'documentation'],
      ['203.0.113.1', 'documentation'],
      ['198.18.0.1', 'benchmarking'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['8.8.8.8', undefined],
      ['::1', 'loopback'],
      ['2001:db8::5', 'documentation'],
      ['fd12:3456::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['2001:2::1', 'benchmarking'],
      ['2400:4000::1', undefined],
    ];
    for (const [ip, code] of cases) assert.equal(specialRange(parseIp(ip)!)?.code, code, ip);
  });

  test('the bundled RDAP bootstrap sends addresses to their registry', () => {
    assert.equal(rdapBaseFor('133.1.1.1'), 'https://rdap.apnic.net/');
    assert.equal(rdapBaseFor('8.8.8.8'), 'https://rdap.arin.net/registry/');
    assert.equal(rdapBaseFor('193.0.6.139'), 'https://rdap.db.ripe.net/');
    assert.equal(rdapBaseFor('200.1.1.1'), 'https://rdap.lacnic.net/rdap/');
    assert.equal(rdapBaseFor('41.1.1.1'), 'https://rdap.afrinic.net/rdap/');
    assert.equal(rdapBaseFor('2400:4000::1'), 'https://rdap.apnic.net/');
    assert.equal(rdapBaseFor('2a00:1450::1'), 'https://rdap.db.ripe.net/');
  });
});

describe('places and distances', () => {
  test('English and Japanese names, most specific part first', () => {
    assert.equal(findPlace('Sapporo, Hokkaido, Japan')?.name, 'Sapporo, Hokkaido');
    assert.equal(findPlace('札幌市')?.name, 'Sapporo, Hokkaido');
    assert.equal(findPlace('Naha, Okinawa')?.name, 'Naha, Okinawa');
    assert.equal(findPlace('那覇')?.name, 'Naha, Okinawa');
    assert.equal(findPlace('沖縄県那覇市')?.name, 'Naha, Okinawa');
    assert.equal(findPlace('Chitose-ku, Nowhere, Japan')?.precision, 'country');
    assert.equal(findPlace('Somewhere, Hokkaido, Japan')?.precision, 'prefecture');
    assert.equal(findPlace('ドイツ')?.name, 'Germany');
    assert.equal(findPlace('Seattle, Washington, US')?.name, 'United States');
    assert.equal(findPlace('Atlantis'), undefined);
  });

  test('all 47 prefectures are known in both languages', () => {
    const ja = ['北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県'];
    assert.equal(ja.length, 47);
    for (const name of ja) assert.ok(findPlace(name), name);
    for (const name of ['Hokkaido', 'Kagoshima Prefecture', 'Okinawa', 'Tokyo']) assert.ok(findPlace(`X, ${name}`), name);
  });

  test('haversine distance Sapporo–Naha is about 2,240 km', () => {
    const d = haversineKm(findPlace('Sapporo')!, findPlace('Naha')!);
    assert.ok(d > 2200 && d < 2300, String(d));
    assert.equal(haversineKm({ lat: 35, lon: 139 }, { lat: 35, lon: 139 }), 0);
  });
});
