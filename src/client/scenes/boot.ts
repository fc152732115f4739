/** Creates the Phaser game with the hall and the map (this module pulls in Phaser). */
import Phaser from 'phaser';
import type { Stage } from '../stage';
import { HallScene } from './hall-scene';
import { MapScene } from './map-scene';

export const bootStage = (parent: HTMLElement, onProgress: (p: number) => void): Promise<Stage> =>
  new Promise((resolve) => {
    const game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      backgroundColor: '#101820',
      scale: {
        mode: Phaser.Scale.RESIZE,
        width: parent.clientWidth || 800,
        height: parent.clientHeight || 450,
      },
      banner: false,
      audio: { noAudio: true },
      scene: [],
    });
    const hall = new HallScene();
    const map = new MapScene();
    game.events.once(Phaser.Core.Events.READY, () => {
      game.scene.add('hall', hall, false);
      game.scene.add('map', map, false);
      hall.load.on('progress', (p: number) => onProgress(p));
      hall.events.once(Phaser.Scenes.Events.CREATE, () => {
        onProgress(1);
        const stage: Stage = {
          showHall: () => {
            game.scene.sleep('map');
            if (game.scene.isSleeping('hall')) game.scene.wake('hall');
          },
          showMap: () => {
            game.scene.sleep('hall');
            if (game.scene.isSleeping('map')) game.scene.wake('map');
            else if (!game.scene.isActive('map')) game.scene.run('map');
          },
          renderHall: (m) => hall.render(m),
          renderMap: (m) => {
            if (map.sys.settings.status >= Phaser.Scenes.CREATING) map.render(m);
            else map.events.once(Phaser.Scenes.Events.CREATE, () => map.render(m));
          },
          renderer: game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas',
          destroy: () => game.destroy(true),
        };
        resolve(stage);
      });
      game.scene.start('hall');
    });
  });
