// Neovim's built-in LSP client (0.7 pushes diagnostics only) runs the server from its bin shim.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NVIM = '/usr/bin/nvim';

const RACY = [
  'package main',
  '',
  'func main() {',
  '\tm := map[string]int{}',
  '\tdone := make(chan bool)',
  '\tgo func() { m["地図😀"] = 1; done <- true }()',
  '\t_ = m["b"] // 地図 😀',
  '\t<-done',
  '}',
  '',
].join('\n');

// Starts the server, attaches it to the buffer, waits for diagnostics, applies the Guard quick fix through
// Neovim's own workspace-edit code (an incremental didChange), waits for the diagnostics to clear.
const INIT_LUA = `
local out = os.getenv('MAPRACE_OUT')
local result = { stage = 'start' }
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
vim.defer_fn(function() result.timeout = true; finish() end, 40000)
local ok, err = pcall(function()
  local root = os.getenv('MAPRACE_ROOT')
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/main.go'))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'maprace',
    cmd = { os.getenv('MAPRACE_NODE'), os.getenv('MAPRACE_BIN'), '--stdio' },
    root_dir = root,
  })
  result.client_id = client_id
  vim.lsp.buf_attach_client(bufnr, client_id)
  result.stage = 'attached'
  result.found = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  result.diagnostics = vim.diagnostic.get(bufnr)
  if not result.found then return end
  -- What Neovim's own code_action() sends: the line's diagnostics converted back to LSP.
  local d = vim.diagnostic.get(bufnr)[1]
  local line_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = line_diags[1].range,
    context = { diagnostics = line_diags },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = (responses and responses[client_id] and responses[client_id].result) or {}
  result.action_titles = {}
  local guard
  for _, a in ipairs(actions) do
    table.insert(result.action_titles, a.title)
    if a.kind == 'quickfix' and not guard then guard = a end
  end
  if not guard then return end
  vim.lsp.util.apply_workspace_edit(guard.edit, 'utf-16')
  result.stage = 'fixed'
  result.cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\\n')
end)
if not ok then result.error = tostring(err) end
finish()
`;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  source: string;
  message: string;
  user_data?: { lsp?: { code?: string } };
}

test('Neovim 0.7 shows the race pushed by the server and applies the quick fix', (t) => {
  if (!fs.existsSync(NVIM)) return t.skip(`${NVIM} not found (apt-get install -y neovim)`);
  const bin = path.join(ROOT, 'server', 'bin', 'maprace-language-server');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) return t.skip('dist/server.js missing: run node scripts/build.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-nvim-'));
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  fs.writeFileSync(path.join(ws, 'main.go'), RACY);
  fs.writeFileSync(path.join(dir, 'init.lua'), INIT_LUA);
  const out = path.join(dir, 'result.json');
  const run = spawnSync(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua')], {
    encoding: 'utf8',
    timeout: 60000,
    env: {
      ...process.env,
      HOME: dir,
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_STATE_HOME: path.join(dir, 'state'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      MAPRACE_OUT: out,
      MAPRACE_ROOT: ws,
      MAPRACE_NODE: process.execPath,
      MAPRACE_BIN: bin,
    },
  });
  assert.ok(fs.existsSync(out), `nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(result.error, undefined, `init.lua failed: ${result.error}`);
  assert.equal(result.timeout, undefined, `nvim timed out at stage ${result.stage}`);
  assert.equal(result.found, true, `no diagnostics in the buffer: ${JSON.stringify(result)}`);
  const diags = result.diagnostics as NvimDiagnostic[];
  assert.equal(diags.length, 2, JSON.stringify(diags));
  assert.ok(diags.every((d) => d.source === 'maprace' && d.user_data?.lsp?.code === 'concurrent-map-access'), JSON.stringify(diags));
  // Neovim keeps byte columns: it converted the server's UTF-16 ranges itself.
  const bytesAt = (d: NvimDiagnostic | undefined) =>
    d && Buffer.from(RACY.split('\n')[d.lnum], 'utf8').subarray(d.col, d.end_col).toString('utf8');
  assert.equal(bytesAt(diags.find((d) => d.lnum === 6)), 'm["b"]');
  assert.equal(bytesAt(diags.find((d) => d.lnum === 5)), 'm["地図😀"]');

  assert.ok(String(result.action_titles?.[0] ?? '').startsWith('Guard'), `quick fix first: ${JSON.stringify(result.action_titles)}`);
  assert.equal(result.stage, 'fixed');
  assert.equal(result.cleared, true, `diagnostics stayed after the fix; buffer:\n${result.text}`);
  assert.match(result.text, /sync\.Mutex/);
});
