// A system notification for an alarm while the page is hidden (tablet asleep,
// another app in front), where the device and the user permit one. Wraps the
// Notification API and the service worker's showNotification (the only way on
// Android, where `new Notification` throws); jsdom has neither. Never throws.

type NotificationState = 'granted' | 'denied' | 'default' | 'unsupported';

interface NotificationCtor {
  permission: 'granted' | 'denied' | 'default';
  requestPermission(): Promise<'granted' | 'denied' | 'default'>;
  new (title: string, options?: NotificationOptions): unknown;
}

const notificationApi = (): NotificationCtor | undefined =>
  (globalThis as { Notification?: NotificationCtor }).Notification;

export function notificationPermission(): NotificationState {
  const api = notificationApi();
  return api ? api.permission : 'unsupported';
}

/** Asks for permission; call from a tap (browsers ignore it otherwise). */
export async function askNotificationPermission(): Promise<NotificationState> {
  const api = notificationApi();
  if (!api) return 'unsupported';
  try {
    return await api.requestPermission();
  } catch {
    return api.permission;
  }
}

export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Shows a notification that stays until it is seen; false when not permitted or not possible. */
export function showSystemNotification(title: string, body: string, tag: string): boolean {
  const api = notificationApi();
  if (!api || api.permission !== 'granted') return false;
  const options = { body, tag, requireInteraction: true, renotify: true } as NotificationOptions;
  const worker = (globalThis.navigator as { serviceWorker?: ServiceWorkerContainer } | undefined)?.serviceWorker;
  try {
    if (worker?.controller) {
      void worker.ready.then((registration) => registration.showNotification(title, options)).catch(() => undefined);
      return true;
    }
    new api(title, options);
    return true;
  } catch {
    return false;
  }
}
