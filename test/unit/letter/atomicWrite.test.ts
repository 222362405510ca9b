import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileExistsError, writeFileAtomic } from '../../../src/util/atomicWrite';

test('writeFileAtomic refuses to replace a file unless asked, and leaves no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
  const path = join(dir, 'a.txt');
  await writeFileAtomic(path, 'one');
  writeFileSync(join(dir, 'b.txt'), 'other');
  await assert.rejects(writeFileAtomic(path, 'two'), FileExistsError);
  assert.equal(readFileSync(path, 'utf8'), 'one');
  await writeFileAtomic(path, 'three', { overwrite: true });
  assert.equal(readFileSync(path, 'utf8'), 'three');
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'b.txt']);
});
