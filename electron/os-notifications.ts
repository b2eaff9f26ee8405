/**
 * Desktop (OS) notifications: when the core announces new notifications, the shell shows one with
 * the core's fixed words only ("You have a new task") — no name, title or id, so it is safe on a
 * shared screen (docs/notifications.md). Clicking it brings the window forward.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { DesktopCore } from '../main/core/desktop-core.ts';
import { osNotificationOf } from '../main/core/os-notification.ts';

/** Shows an OS notification for each `notifications.arrived` event; returns the unsubscribe function. */
export function showOsNotifications(core: DesktopCore, window: BrowserWindow): () => void {
  const unsubscribe = core.onEvent((name, payload) => {
    const shown = osNotificationOf(name, payload);
    if (shown === null || !Notification.isSupported()) {
      return;
    }
    const notification = new Notification(shown);
    notification.on('click', () => {
      if (!window.isDestroyed()) {
        window.show();
        window.focus();
      }
    });
    notification.show();
  });
  window.once('closed', unsubscribe);
  return unsubscribe;
}
