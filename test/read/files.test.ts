import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../../src/model/errors.js';
import { collectFiles, skippedLine, teamFromFolder } from '../../src/read/files.js';
import { tempDir } from './helpers.js';

function tree(dir: string, files: string[]): void {
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), `# ${f}\n- 进度 10%\n`);
  }
}

test('folders are walked recursively in sorted order; hidden entries, node_modules skipped; other extensions counted', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['b/w2.md', 'a/w10.TXT', 'a/w1.txt', 'top.html', 'c/page.htm', 'x.markdown', 'notes.docx', 'n.org', '.hidden.md', '.git/x.md', 'node_modules/p/r.md', 'a/img.png', 'b/plan.xlsx', 'c/shot.png', 'README']);
    const { files, problems, skipped } = await collectFiles([dir]);
    assert.equal(problems, []);
    assert.equal(
      files.map((f) => f.path.slice(dir.length + 1)),
      ['a/w1.txt', 'a/w10.TXT', 'b/w2.md', 'c/page.htm', 'n.org', 'notes.docx', 'top.html', 'x.markdown'].map((p) => p.split('/').join(sep)),
    );
    assert.equal([...skipped], [['(no extension)', 1], ['.png', 2], ['.xlsx', 1]]);
    assert.is(skippedLine(skipped), 'skipped 4 files of other types: (no extension), .png, .xlsx');
    const f = files[0]!;
    assert.is(f.root, dir);
    assert.is(f.absolute, resolve(dir, 'a', 'w1.txt'));
    assert.is(f.size, Buffer.byteLength('# a/w1.txt\n- 进度 10%\n'));
    assert.ok(f.mtimeMs > 0);
  } finally {
    cleanup();
  }
});

test('the folder is kept as given in each path (a trailing slash is not doubled)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['t/r.md']);
    const { files } = await collectFiles([`${dir}/`]);
    assert.is(files[0]!.path, `${dir}/t${sep}r.md`);
    assert.is(files[0]!.root, `${dir}/`);
  } finally {
    cleanup();
  }
});

test('bad paths are problems and never stop the rest', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['ok/r.md', 'empty/readme.rst', 'report.pdf']);
    const missing = join(dir, 'nope');
    const { files, problems } = await collectFiles([missing, join(dir, 'empty'), join(dir, 'report.pdf'), join(dir, 'ok')]);
    assert.equal(files.map((f) => f.path), [join(dir, 'ok', 'r.md')]);
    assert.is(problems.length, 3);
    assert.instance(problems[0], InputError);
    assert.is(problems[0]!.format(), `${missing}: no such file or directory — check the path`);
    assert.instance(problems[1], InputError);
    assert.match(problems[1]!.format(), new RegExp(`^${join(dir, 'empty')}: no report files \\(\\.md, \\.markdown, \\.txt, \\.html, \\.htm, \\.org, \\.eml, \\.docx, \\.zip\\) found — `));
    assert.instance(problems[2], UsageError);
    assert.is(problems[2]!.exitCode, 2);
    assert.match(problems[2]!.format(), /report\.pdf: unsupported file type "\.pdf" — reports must end in \.md, \.markdown/);
  } finally {
    cleanup();
  }
});

test('a path through a file (ENOTDIR) is a problem naming it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['file.md']);
    const bad = join(dir, 'file.md', 'inside.md');
    const { files, problems } = await collectFiles([bad]);
    assert.equal(files, []);
    assert.instance(problems[0], InputError);
    assert.is(problems[0]!.where, bad);
  } finally {
    cleanup();
  }
});

test('symlink loops are reported once and never hang; links to files and folders are followed', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['r/a/one.md', 'elsewhere/two.md']);
    symlinkSync(join(dir, 'r'), join(dir, 'r', 'a', 'back')); // r/a/back → r: a loop
    symlinkSync(join(dir, 'r'), join(dir, 'r', 'again')); // r/again → r: the same loop seen again
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'r', 'linked'));
    symlinkSync(join(dir, 'gone.md'), join(dir, 'r', 'dangling.md'));
    const { files, problems } = await collectFiles([join(dir, 'r')]);
    assert.equal(
      files.map((f) => f.path.slice(dir.length + 1)),
      [`r${sep}a${sep}one.md`, `r${sep}linked${sep}two.md`],
    );
    const loops = problems.filter((p) => /loop/.test(p.message));
    assert.is(loops.length, 1);
    assert.instance(loops[0], InputError);
    assert.match(loops[0]!.where!, /r[\\/]a[\\/]back$/);
    const dangling = problems.filter((p) => p.where?.endsWith('dangling.md'));
    assert.is(dangling.length, 1);
    assert.is(problems.length, 2);
  } finally {
    cleanup();
  }
});

test('a file reached twice (named and inside a named folder) is listed once, under the first', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['t/r.md', 't/s.md']);
    const named = join(dir, 't', 's.md');
    const { files } = await collectFiles([named, join(dir, 't')]);
    assert.equal(files.map((f) => [f.path, f.root]), [
      [named, named],
      [join(dir, 't', 'r.md'), join(dir, 't')],
    ]);
  } finally {
    cleanup();
  }
});

test('teamFromFolder: the first folder below the root', () => {
  assert.is(teamFromFolder('reports', `reports${sep}支付组${sep}2031${sep}w1.md`), '支付组');
  assert.is(teamFromFolder('reports/', 'reports/infra/w1.md'), 'infra');
  assert.is(teamFromFolder('./reports', 'reports/w1.md'), '');
  assert.is(teamFromFolder('w1.md', 'w1.md'), '');
});

test.run();
