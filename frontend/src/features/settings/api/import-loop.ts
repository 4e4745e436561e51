import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadFile } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth";
import type { components } from "@/types/api";

export type ImportResult = components["schemas"]["LoopImportOutput"];

export function importLoop(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return uploadFile<ImportResult>("/api/import/loop/", "file", file, onProgress);
}

export function useImportLoop(onProgress: (fraction: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importLoop(file, onProgress),
    // An import can touch every habit: refresh everything except the user.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] }),
  });
}
