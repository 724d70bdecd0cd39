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

/**
 * `session.setDisplayMediaRequestHandler`: screen sharing (getDisplayMedia) is refused; an
 * answer without video nor audio stream denies the request.
 */
export function displayMediaRequestHandler(
  _request: unknown,
  callback: (streams: Record<string, never>) => void,
): void {
  callback({});
}
