/** Entry point: settings first, then the title screen, which is usable before Phaser loads. */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './style.css';
import { App } from './ui/app';

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  app.route();
  performance.mark('title-interactive'); // read by `npm run bench` (load)
  (window as unknown as { consensus: App }).consensus = app;
}
