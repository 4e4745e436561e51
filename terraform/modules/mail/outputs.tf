output "identity_arn" {
  description = "ARN of the SES domain identity the API function may send as."
  value       = aws_sesv2_email_identity.this.arn
}

output "configuration_set_name" {
  description = "The SES configuration set mail is sent through (MAIL_SES_CONFIGURATION_SET)."
  value       = aws_sesv2_configuration_set.this.configuration_set_name
}

output "configuration_set_arn" {
  description = "ARN of the configuration set."
  value       = aws_sesv2_configuration_set.this.arn
}

output "from_address" {
  description = "The address mail is sent from, on the verified domain."
  value       = "${var.sender_local_part}@${var.domain_name}"
}
