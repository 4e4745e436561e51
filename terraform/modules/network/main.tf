data "aws_caller_identity" "current" {}

locals {
  zone_count    = length(var.availability_zone_ids)
  flow_log_name = "/aws/vpc/${var.name}/flow-logs"
}

# No NAT gateway, no internet gateway, no public subnet: nothing here has a public address. The API
# functions reach Aurora and the cache inside the VPC (IAM tokens are signed locally) and the one AWS
# API they call, Secrets Manager, over IPv6 through the egress-only internet gateway (its endpoint is
# dual-stack). The VPC gets an Amazon-provided IPv6 block for that.
resource "aws_vpc" "this" {
  cidr_block                       = var.vpc_cidr
  assign_generated_ipv6_cidr_block = true
  enable_dns_support               = true
  enable_dns_hostnames             = true

  tags = merge(var.tags, { Name = var.name })
}

# Nothing may use the default security group: it is left without any rule.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-default-unused" })
}

# Zones by zone ID: a zone name such as us-east-1a maps to a different physical zone in each account.
resource "aws_subnet" "private" {
  count = local.zone_count

  vpc_id                  = aws_vpc.this.id
  availability_zone_id    = var.availability_zone_ids[count.index]
  cidr_block              = var.private_subnet_cidrs[count.index]
  ipv6_cidr_block         = cidrsubnet(aws_vpc.this.ipv6_cidr_block, 8, count.index)
  map_public_ip_on_launch = false

  # Lambda's network interfaces get an IPv6 address when the function allows dual-stack egress.
  assign_ipv6_address_on_creation = false

  tags = merge(var.tags, { Name = "${var.name}-private-${var.availability_zone_ids[count.index]}", Tier = "private" })
}

resource "aws_egress_only_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-private" })
}

# IPv6 out only; IPv4 has no route beyond the VPC.
resource "aws_route" "ipv6_egress" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.this.id
}

resource "aws_route_table_association" "private" {
  count = local.zone_count

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

# The Lambda functions' security group: egress only, and only where the functions need to go.
resource "aws_security_group" "this" {
  #checkov:skip=CKV2_AWS_5:Attached to the API and migration Lambda functions by the backend module, which takes it as an input.
  name        = "${var.name}-lambda"
  description = "Django Lambda functions: no ingress; egress to AWS APIs over IPv6 HTTPS, PostgreSQL and the cache"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-lambda" })
}

resource "aws_vpc_security_group_egress_rule" "lambda_https_ipv6" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS to the dual-stack AWS API endpoints (Secrets Manager) through the egress-only internet gateway"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_egress_rule" "lambda_postgres" {
  count = local.zone_count

  security_group_id = aws_security_group.this.id
  description       = "PostgreSQL to Aurora in the private subnets"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.private_subnet_cidrs[count.index]
}

# ElastiCache Serverless answers on 6379 (primary) and 6380 (reads from replicas).
resource "aws_vpc_security_group_egress_rule" "lambda_cache" {
  count = local.zone_count

  security_group_id = aws_security_group.this.id
  description       = "Valkey (TLS) to ElastiCache Serverless in the private subnets"
  ip_protocol       = "tcp"
  from_port         = 6379
  to_port           = 6380
  cidr_ipv4         = var.private_subnet_cidrs[count.index]
}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:Flow logs are for short-term troubleshooting; retention is a per-environment variable and a year of them is not worth its cost here.
  name              = local.flow_log_name
  retention_in_days = var.flow_log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_iam_role" "this" {
  name                 = "${var.global_name}-vpc-flow-logs"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "vpc-flow-logs.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "this" {
  name = "write-flow-logs"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.this.arn}:*"
    }]
  })
}

resource "aws_flow_log" "this" {
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.this.arn
  iam_role_arn    = aws_iam_role.this.arn

  tags = var.tags
}
