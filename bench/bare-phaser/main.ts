/**
 * The baseline of `npm run bench`: a bare Phaser 4 page built with the game's own Vite
 * configuration. One scene draws a rectangle and marks `first-frame` on the animation frame after
 * the step that drew it, as the game marks `hall-first-frame`. Query parameters: `?w=960&h=540`
 * the canvas size (the bench passes the hall's), `?objects=20` rectangles that tween for ever (the
 * frame-time baseline; none for the load baseline).
 */
import Phaser from 'phaser';

const q = new URLSearchParams(location.search);
const width = Number(q.get('w') ?? 960);
const height = Number(q.get('h') ?? 540);
const objects = Number(q.get('objects') ?? 0);

class Bare extends Phaser.Scene {
  constructor() {
    super('bare');
  }

  create(): void {
    this.add.rectangle(width / 2, height / 2, width / 3, height / 3, 0x3a7bd5);
    for (let i = 0; i < objects; i++) {
      const x = ((i % 5) + 0.5) * (width / 5);
      const y = (Math.floor(i / 5) + 0.5) * (height / Math.ceil(objects / 5));
      const r = this.add.rectangle(x, y, 48, 28, 0xd5a13a);
      this.tweens.add({
        targets: r,
        x: x + width / 10,
        y: y + 20,
        angle: 180,
        alpha: 0.35,
        duration: 900 + 37 * i,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
    requestAnimationFrame(() => performance.mark('first-frame'));
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width,
  height,
  backgroundColor: '#101820',
  banner: false,
  audio: { noAudio: true },
  scene: [Bare],
});
