// Drives the VS Code workbench that code-server serves, through a real Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export class Workbench {
  private shot = 0;

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  static async open(url: string, shotsDir: string): Promise<Workbench> {
    mkdirSync(shotsDir, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(30_000);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      return new Workbench(browser, page, shotsDir);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  /** Saves test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string, of?: Locator, maxHeight = Infinity): Promise<string> {
    const file = join(this.shotsDir, `${String(++this.shot).padStart(2, '0')}-${name}.png`);
    const box = of ? await of.boundingBox() : null;
    const clip = box ? { ...box, height: Math.min(box.height, maxHeight) } : null;
    await this.page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    return file;
  }

  /** Clicks "Yes, I trust the authors" if the workspace trust dialog shows up. */
  async trustWorkspaceIfAsked(waitMs = 5_000): Promise<boolean> {
    const trust = this.page.getByRole('button', { name: /Yes, I trust the authors/i });
    try {
      await trust.waitFor({ timeout: waitMs });
    } catch {
      return false;
    }
    await trust.click();
    return true;
  }

  async quickOpen(fileName: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label*="${fileName}"]`).waitFor();
  }

  async runCommand(title: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  squiggles(): Locator {
    return this.editor().locator('.squiggly-error');
  }

  /** Puts the text cursor inside the first error squiggle. */
  async clickSquiggle(): Promise<void> {
    const { x, y } = await this.squiggleMiddle();
    await this.page.mouse.click(x, y);
  }

  /** Hovers the first error squiggle and returns the hover widget once it shows. */
  async hoverSquiggle(): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover').filter({ visible: true }).first();
    // Monaco shows a hover on mouse movement over settled text: a move that lands while the editor is
    // still laying out shows nothing (seen on a loaded CI machine), so move off and back on, a few times.
    for (let attempt = 1; ; attempt++) {
      const { x, y } = await this.squiggleMiddle();
      await this.page.mouse.move(x, y + 120);
      await this.page.mouse.move(x, y, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 10_000 });
        return hover;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }

  // The decoration sits under the text layer: the middle of its box is on the text it marks.
  private async squiggleMiddle(): Promise<{ x: number; y: number }> {
    const box = await this.squiggles().first().boundingBox();
    if (!box) throw new Error('the squiggle has no bounding box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async openProblems(): Promise<Locator> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    return panel;
  }

  private async focusWorkbench(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
