// Announces a new app version. It never reloads by itself, and while an
// escalation episode is open it says the update will wait until the episode ends.
import { useEffect, useState } from 'react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { useEpisodeActive } from '../shared/activity';
import type { UpdateChannel } from './platform/serviceWorker';

export function UpdateBanner({ channel }: { channel: UpdateChannel }) {
  const [waiting, setWaiting] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const episodeActive = useEpisodeActive();

  useEffect(() => {
    channel.onUpdateWaiting(() => setWaiting(true));
    channel.onOfflineReady(() => setOfflineReady(true));
  }, [channel]);

  if (waiting) {
    if (episodeActive) {
      return (
        <Banner label="App update">
          A new version of the app is ready. It will be offered when this escalation ends.
        </Banner>
      );
    }
    return (
      <Banner
        label="App update"
        actions={
          <Button onClick={() => void channel.applyUpdate()}>Update now</Button>
        }
      >
        A new version of the app is ready. Update when you are not in the middle of anything.
      </Banner>
    );
  }
  if (offlineReady) {
    return (
      <Banner label="Offline ready" actions={<Button variant="secondary" onClick={() => setOfflineReady(false)}>Dismiss</Button>}>
        The app is now stored on this device and works without a network.
      </Banner>
    );
  }
  return null;
}
