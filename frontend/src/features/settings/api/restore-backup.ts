import { useMutation, useQueryClient } from "@tanstack/react-query";
import { forgetAllButUser } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { runImport, type ImportCallbacks } from "./import-job";

export type RestoreResult = components["schemas"]["BackupRestoreOutput"];

/** Our own backup, restored as a job (it replaces the account's habits). */
export async function restoreBackup(file: File, callbacks: ImportCallbacks): Promise<RestoreResult> {
  return (await runImport("backup", file, callbacks)) as RestoreResult;
}

interface UseRestoreBackupOptions extends ImportCallbacks {
  mutationConfig?: MutationConfig<RestoreResult, File>;
}

export function useRestoreBackup({ onUpload, onJob, mutationConfig }: UseRestoreBackupOptions) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (file: File) => restoreBackup(file, { onUpload, onJob }),
    onSuccess: async (...args) => {
      // A restore replaces every habit (new ids): forget everything but the user.
      forgetAllButUser(queryClient);
      await onSuccess?.(...args);
    },
  });
}
