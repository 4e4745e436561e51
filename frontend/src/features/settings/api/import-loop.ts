import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invalidateAllButUser } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { runImport, type ImportCallbacks } from "./import-job";

export type ImportResult = components["schemas"]["LoopImportOutput"];

/** A Loop CSV zip or full backup, imported as a job (merged into the account). */
export async function importLoop(file: File, callbacks: ImportCallbacks): Promise<ImportResult> {
  return (await runImport("loop", file, callbacks)) as ImportResult;
}

interface UseImportLoopOptions extends ImportCallbacks {
  mutationConfig?: MutationConfig<ImportResult, File>;
}

export function useImportLoop({ onUpload, onJob, mutationConfig }: UseImportLoopOptions) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (file: File) => importLoop(file, { onUpload, onJob }),
    onSuccess: async (...args) => {
      // An import can touch every habit: refresh everything except the user.
      await invalidateAllButUser(queryClient);
      await onSuccess?.(...args);
    },
  });
}
