/** The backup is a plain download: the browser saves the zip the server names in Content-Disposition. */
export const exportBackupUrl = "/api/export/backup/";
