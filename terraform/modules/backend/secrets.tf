# The Django secret key. No value is stored by Terraform (it would land in the state): the first
# deployment puts one with `aws secretsmanager put-secret-value` (docs/DEPLOY.md).
#
# A standby (pilot light) creates none of these: Secrets Manager replicates the primary's into its region
# under the same names (replica block below), and the standby's functions read those replicas.
resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotating the Django secret key signs every user out; it is rotated by an operator on purpose, not on a schedule.
  count = var.standby ? 0 : 1

  name                    = "${var.name}/django-secret-key"
  description             = "${var.name} Django SECRET_KEY"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7

  # A read-only copy in the standby's region, encrypted there with that region's key: sessions survive a
  # failover, and nothing in the standby region waits for this region to read it.
  dynamic "replica" {
    for_each = var.replica_region == null ? [] : [var.replica_region]

    content {
      region     = replica.value
      kms_key_id = var.replica_kms_key_arn
    }
  }

  tags = var.tags
}

# The value CloudFront adds to every API request (header var.origin_verify_header_name) and the
# application requires: JSON {"current": "...", "previous": "..."}. The application accepts either, so
# a rotation (a new current, the old one as previous, then a Terraform apply that gives CloudFront the
# new current; docs/DEPLOY.md) never refuses a request in flight.
resource "aws_secretsmanager_secret" "origin" {
  #checkov:skip=CKV2_AWS_57:Rotated by the documented two-step procedure (new value as current, then an apply that updates CloudFront): a rotation Lambda would need CloudFront write access for little gain.
  count = var.standby ? 0 : 1

  name                    = "${var.name}/origin-verify"
  description             = "${var.name} header value that proves a request came through CloudFront"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7

  # The standby's API checks the same header value CloudFront sends to whichever origin answers.
  dynamic "replica" {
    for_each = var.replica_region == null ? [] : [var.replica_region]

    content {
      region     = replica.value
      kms_key_id = var.replica_kms_key_arn
    }
  }

  tags = var.tags
}

# The first value only; later values are written by the rotation procedure, so Terraform never
# updates this version. uuid() is evaluated at apply time: two of them give 244 random bits.
resource "aws_secretsmanager_secret_version" "origin" {
  count = var.standby ? 0 : 1

  secret_id     = aws_secretsmanager_secret.origin[0].id
  secret_string = jsonencode({ current = replace("${uuid()}${uuid()}", "-", ""), previous = "" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# What the secret holds now (after any rotation): CloudFront sends its current value.
data "aws_secretsmanager_secret_version" "origin" {
  count = var.standby ? 0 : 1

  secret_id = aws_secretsmanager_secret.origin[0].id

  depends_on = [aws_secretsmanager_secret_version.origin]
}

# The standby's view of the primary's secrets: their replicas in this region (same names).
data "aws_secretsmanager_secret" "replica" {
  for_each = var.standby ? toset(["django-secret-key", "origin-verify"]) : toset([])

  name = "${var.name}/${each.key}"
}

locals {
  django_secret_arn = var.standby ? data.aws_secretsmanager_secret.replica["django-secret-key"].arn : aws_secretsmanager_secret.this[0].arn
  origin_secret_arn = var.standby ? data.aws_secretsmanager_secret.replica["origin-verify"].arn : aws_secretsmanager_secret.origin[0].arn
  # The replicas are encrypted with this region's key chosen by the primary: the functions decrypt with it.
  replica_kms_key_arns = [for s in data.aws_secretsmanager_secret.replica : s.kms_key_id]
}
