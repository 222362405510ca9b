import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WeightedLru } from '../../../src/util/weightedLru';

test('the least recently used entries go first once the weight passes the limit', () => {
  const lru = new WeightedLru<string, number>(10);
  lru.set('a', 1, 4);
  lru.set('b', 2, 4);
  assert.equal(lru.get('a'), 1, 'a is now the most recent');
  lru.set('c', 3, 4);
  assert.equal(lru.get('b'), undefined, 'b was the least recently used');
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
  assert.equal(lru.weight, 8);
});

test('replacing a key replaces its weight; an entry heavier than the limit stays alone', () => {
  const lru = new WeightedLru<string, string>(10);
  lru.set('a', 'x', 6);
  lru.set('a', 'y', 2);
  assert.equal(lru.weight, 2);
  assert.equal(lru.get('a'), 'y');
  lru.set('big', 'z', 50);
  assert.equal(lru.size, 1);
  assert.equal(lru.get('big'), 'z');
  lru.clear();
  assert.equal(lru.size, 0);
  assert.equal(lru.weight, 0);
});
