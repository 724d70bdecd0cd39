/**
 * The app needs no camera, microphone, notifications, geolocation... Every permission request
 * and check is refused; issue-specific needs (e.g. notifications) will be allow-listed here.
 */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}
