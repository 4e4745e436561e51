output "vault_arn" {
  description = "ARN of the backup vault in the primary region."
  value       = aws_backup_vault.primary.arn
}

output "dr_vault_name" {
  description = "Name of the backup vault in the disaster-recovery region."
  value       = aws_backup_vault.dr.name
}

output "dr_vault_arn" {
  description = "ARN of the backup vault in the disaster-recovery region."
  value       = aws_backup_vault.dr.arn
}

output "dr_kms_key_arn" {
  description = "KMS key of the disaster-recovery vault (restores there need it)."
  value       = var.dr_kms_key_arn
}

output "rules" {
  description = "Backup rules by name, as { schedule, retention_days, copied_to } (copied_to: the destination vault's ARN)."
  value       = { for r in aws_backup_plan.this.rule : r.rule_name => { schedule = r.schedule, retention_days = r.lifecycle[0].delete_after, copied_to = one(r.copy_action).destination_vault_arn } }
}

output "plan_id" {
  description = "ID of the backup plan."
  value       = aws_backup_plan.this.id
}

output "role_arn" {
  description = "ARN of the role AWS Backup uses for backups and restores (passed by operators when restoring)."
  value       = aws_iam_role.this.arn
}
