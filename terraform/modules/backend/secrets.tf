# The Django secret key. No value is stored by Terraform (it would land in the state): the first
# deployment puts one with `aws secretsmanager put-secret-value` (docs/DEPLOY.md).
resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotating the Django secret key signs every user out; it is rotated by an operator on purpose, not on a schedule.
  name                    = "${var.name}/django-secret-key"
  description             = "${var.name} Django SECRET_KEY"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7

  tags = var.tags
}

# The value CloudFront adds to every API request (header var.origin_verify_header_name) and the
# application requires: JSON {"current": "...", "previous": "..."}. The application accepts either, so
# a rotation (a new current, the old one as previous, then a Terraform apply that gives CloudFront the
# new current; docs/DEPLOY.md) never refuses a request in flight.
resource "aws_secretsmanager_secret" "origin" {
  #checkov:skip=CKV2_AWS_57:Rotated by the documented two-step procedure (new value as current, then an apply that updates CloudFront): a rotation Lambda would need CloudFront write access for little gain.
  name                    = "${var.name}/origin-verify"
  description             = "${var.name} header value that proves a request came through CloudFront"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7

  tags = var.tags
}

# The first value only; later values are written by the rotation procedure, so Terraform never
# updates this version. uuid() is evaluated at apply time: two of them give 244 random bits.
resource "aws_secretsmanager_secret_version" "origin" {
  secret_id     = aws_secretsmanager_secret.origin.id
  secret_string = jsonencode({ current = replace("${uuid()}${uuid()}", "-", ""), previous = "" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# What the secret holds now (after any rotation): CloudFront sends its current value.
data "aws_secretsmanager_secret_version" "origin" {
  secret_id = aws_secretsmanager_secret.origin.id

  depends_on = [aws_secretsmanager_secret_version.origin]
}
