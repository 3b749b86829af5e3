// A generated tree of realistic source files (TypeScript, Python, Go, JSON, YAML, Terraform, Markdown, .env, shell)
// with AWS key pairs planted at known places in the ways they leak (seed 003: .env, docker-compose, Terraform,
// Kubernetes manifests, CI configs, source). Deterministic for a seed; cached on disk by size and seed.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId, secretKey } from '../../test/secrets/keys.js';
import { seededRandom } from '../../test/aws-emulator/prng.js';

export interface Planted {
  path: string;
  keyId: string;
}

const WORDS = 'user account order invoice payment session config client server request response handler queue worker cache index token value item list map result error retry timeout region bucket table stream event record'.split(' ');

function ident(rand: () => number): string {
  const a = WORDS[Math.floor(rand() * WORDS.length)]!;
  const b = WORDS[Math.floor(rand() * WORDS.length)]!;
  return a + b[0]!.toUpperCase() + b.slice(1);
}

const BODIES: Record<string, (r: () => number) => string> = {
  ts: (r) => `export async function ${ident(r)}(${ident(r)}: string, opts: { ${ident(r)}?: number } = {}): Promise<void> {\n  const ${ident(r)} = await fetch(\`/api/${ident(r)}/\${${ident(r)}}\`, { method: 'POST' });\n  if (!opts.${ident(r)}) throw new Error('missing ${ident(r)} for ' + ${Math.floor(r() * 1e6)});\n  // TODO: retry with backoff when the ${ident(r)} is throttled\n  return;\n}\n\n`,
  py: (r) => `def ${ident(r)}(self, ${ident(r)}, timeout=${Math.floor(r() * 100)}):\n    """Return the ${ident(r)} for the given ${ident(r)}."""\n    result = self.client.get("/v1/${ident(r)}", params={"id": ${ident(r)}})\n    if result.status_code != 200:\n        raise RuntimeError(f"failed: {result.text}")\n    return result.json()["${ident(r)}"]\n\n`,
  go: (r) => `func (s *Server) ${ident(r)}(ctx context.Context, req *${ident(r)}Request) (*${ident(r)}Response, error) {\n\tif req.${ident(r)} == "" {\n\t\treturn nil, fmt.Errorf("${ident(r)}: empty")\n\t}\n\tv, err := s.store.Get(ctx, req.${ident(r)})\n\treturn &${ident(r)}Response{Value: v}, err\n}\n\n`,
  json: (r) => `  "${ident(r)}": { "enabled": ${r() < 0.5}, "limit": ${Math.floor(r() * 1000)}, "name": "${ident(r)}-${Math.floor(r() * 1e4)}", "hash": "${Math.floor(r() * 2 ** 52).toString(16)}${Math.floor(r() * 2 ** 52).toString(16)}" },\n`,
  yml: (r) => `- name: ${ident(r)}\n  image: registry.example.com/${ident(r)}:${Math.floor(r() * 100)}\n  env:\n    - name: ${ident(r).toUpperCase()}\n      value: "${ident(r)}"\n`,
  tf: (r) => `resource "aws_s3_bucket" "${ident(r)}" {\n  bucket = "${ident(r).toLowerCase()}-${Math.floor(r() * 1e6)}"\n  tags = {\n    Name = "${ident(r)}"\n  }\n}\n\n`,
  md: (r) => `## ${ident(r)}\n\nThe ${ident(r)} keeps the ${ident(r)} in sync with the ${ident(r)}; see \`${ident(r)}()\` and the ${ident(r)} guide.\n\n`,
};
const EXTS = Object.keys(BODIES);

/** How each kind of file carries a planted pair. */
const PLANT: Record<string, (id: string, secret: string) => string> = {
  ts: (id, s) => `const credentials = { accessKeyId: '${id}', secretAccessKey: '${s}' };\n`,
  py: (id, s) => `AWS_ACCESS_KEY_ID = "${id}"\nAWS_SECRET_ACCESS_KEY = "${s}"\n`,
  go: (id, s) => `\tcreds := credentials.NewStaticCredentials("${id}", "${s}", "")\n`,
  json: (id, s) => `  "aws": { "accessKeyId": "${id}", "secretAccessKey": "${s}" },\n`,
  yml: (id, s) => `    - name: AWS_ACCESS_KEY_ID\n      value: ${id}\n    - name: AWS_SECRET_ACCESS_KEY\n      value: ${s}\n`,
  tf: (id, s) => `provider "aws" {\n  access_key = "${id}"\n  secret_key = "${s}"\n}\n`,
  md: (id, s) => `Run with \`AWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${s} make deploy\`.\n`,
};

/** Writes (or reuses) a tree of about `bytes` bytes under `dir`; one file in `plantEvery` carries a key pair. */
export async function sourceTree(dir: string, bytes: number, seed = 7, plantEvery = 500): Promise<Planted[]> {
  // Beside the tree, not in it: the list holds the ids, and every tool would find them there.
  const marker = `${dir}.planted.json`;
  const tag = `${bytes}:${seed}:${plantEvery}`;
  if (existsSync(marker)) {
    const saved = JSON.parse(await readFile(marker, 'utf8')) as { tag: string; planted: Planted[] };
    if (saved.tag === tag) return saved.planted;
  }
  await rm(dir, { recursive: true, force: true });
  const rand = seededRandom(seed);
  const planted: Planted[] = [];
  let written = 0;
  for (let n = 0; written < bytes; n++) {
    const ext = EXTS[n % EXTS.length]!;
    const sub = join(dir, `pkg${Math.floor(n / 2000)}`, `mod${Math.floor(n / 50) % 40}`);
    if (n % 50 === 0) await mkdir(sub, { recursive: true });
    const target = 2048 + Math.floor(rand() * 16384);
    const parts: string[] = [];
    let size = 0;
    const plantAt = n % plantEvery === plantEvery - 1 ? Math.floor(rand() * 8) : -1;
    for (let i = 0; size < target; i++) {
      const chunk = i === plantAt ? PLANT[ext]!(...pair(rand, planted, `${sub.slice(dir.length + 1)}/f${n}.${ext}`)) : BODIES[ext]!(rand);
      parts.push(chunk);
      size += chunk.length;
    }
    await writeFile(join(sub, `f${n}.${ext}`), parts.join(''));
    written += size;
  }
  await writeFile(marker, JSON.stringify({ tag, planted }));
  return planted;
}

function pair(rand: () => number, planted: Planted[], path: string): [string, string] {
  const id = keyId('AKIA', rand);
  planted.push({ path, keyId: id });
  return [id, secretKey(rand)];
}
