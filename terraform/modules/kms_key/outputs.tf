output "arn" {
  description = "ARN of the key."
  value       = aws_kms_key.this.arn
}

output "policy" {
  description = "The key policy (JSON), for tests and reviews."
  value       = aws_kms_key.this.policy
}
