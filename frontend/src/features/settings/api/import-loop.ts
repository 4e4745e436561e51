import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadFile } from "@/lib/api-client";
import { invalidateAllButUser } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

export type ImportResult = components["schemas"]["LoopImportOutput"];

export function importLoop(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return uploadFile<ImportResult>("/api/import/loop/", "file", file, onProgress);
}

interface UseImportLoopOptions {
  /** Called with the uploaded fraction, 0 to 1. */
  onProgress: (fraction: number) => void;
  mutationConfig?: MutationConfig<ImportResult, File>;
}

export function useImportLoop({ onProgress, mutationConfig }: UseImportLoopOptions) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (file: File) => importLoop(file, onProgress),
    onSuccess: async (...args) => {
      // An import can touch every habit: refresh everything except the user.
      await invalidateAllButUser(queryClient);
      await onSuccess?.(...args);
    },
  });
}
