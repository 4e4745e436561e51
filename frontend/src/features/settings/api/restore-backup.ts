import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadFile } from "@/lib/api-client";
import { forgetAllButUser } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

export type RestoreResult = components["schemas"]["BackupRestoreOutput"];

export function restoreBackup(file: File, onProgress: (fraction: number) => void): Promise<RestoreResult> {
  return uploadFile<RestoreResult>("/api/import/backup/", "file", file, onProgress);
}

interface UseRestoreBackupOptions {
  /** Called with the uploaded fraction, 0 to 1. */
  onProgress: (fraction: number) => void;
  mutationConfig?: MutationConfig<RestoreResult, File>;
}

export function useRestoreBackup({ onProgress, mutationConfig }: UseRestoreBackupOptions) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (file: File) => restoreBackup(file, onProgress),
    onSuccess: async (...args) => {
      // A restore replaces every habit (new ids): forget everything but the user.
      forgetAllButUser(queryClient);
      await onSuccess?.(...args);
    },
  });
}
