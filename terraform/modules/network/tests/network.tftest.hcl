mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111122223333"
    }
  }

  mock_resource "aws_vpc" {
    defaults = {
      ipv6_cidr_block = "2600:1f18:1234:5600::/56"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/vpc/habits-test/flow-logs"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/habits-test-vpc-flow-logs"
    }
  }
}

variables {
  name                     = "habits-test"
  global_name              = "habits-test"
  availability_zone_ids    = ["use1-az1", "use1-az2"]
  kms_key_arn              = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
}

run "private_dual_stack_subnets_over_two_zone_ids" {
  command = apply

  assert {
    condition     = aws_vpc.this.cidr_block == "10.20.0.0/16" && aws_vpc.this.assign_generated_ipv6_cidr_block
    error_message = "The VPC must be 10.20.0.0/16 with an Amazon-provided IPv6 block."
  }

  assert {
    condition     = aws_subnet.private[*].cidr_block == ["10.20.16.0/24", "10.20.17.0/24"] && aws_subnet.private[*].ipv6_cidr_block == ["2600:1f18:1234:5600::/64", "2600:1f18:1234:5601::/64"]
    error_message = "Private subnets must be 10.20.16.0/24 and 10.20.17.0/24, each with a /64 of the VPC's IPv6 block."
  }

  assert {
    condition     = aws_subnet.private[*].availability_zone_id == ["use1-az1", "use1-az2"]
    error_message = "Subnets must be placed by zone ID, one per zone."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.private : !s.map_public_ip_on_launch])
    error_message = "No subnet may give public IP addresses."
  }

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL" && aws_cloudwatch_log_group.this.kms_key_id == var.kms_key_arn
    error_message = "VPC flow logs must capture all traffic into a log group encrypted with the given key."
  }

  assert {
    condition     = aws_iam_role.this.permissions_boundary == var.permissions_boundary_arn
    error_message = "The flow logs role must carry the permissions boundary."
  }
}

run "no_way_in_and_no_ipv4_way_out" {
  command = plan

  assert {
    condition     = aws_route.ipv6_egress.destination_ipv6_cidr_block == "::/0" && aws_route.ipv6_egress.destination_cidr_block == null
    error_message = "The only route out of the VPC is IPv6 through the egress-only internet gateway."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.lambda_https_ipv6.cidr_ipv6 == "::/0" && aws_vpc_security_group_egress_rule.lambda_https_ipv6.from_port == 443 && aws_vpc_security_group_egress_rule.lambda_https_ipv6.to_port == 443
    error_message = "The functions may leave the VPC only on HTTPS over IPv6."
  }

  assert {
    condition     = toset(aws_vpc_security_group_egress_rule.lambda_postgres[*].cidr_ipv4) == toset(["10.20.16.0/24", "10.20.17.0/24"]) && alltrue([for r in aws_vpc_security_group_egress_rule.lambda_postgres : r.from_port == 5432 && r.to_port == 5432])
    error_message = "Egress to PostgreSQL must be port 5432 to the private subnets only."
  }

  assert {
    condition     = toset(aws_vpc_security_group_egress_rule.lambda_cache[*].cidr_ipv4) == toset(["10.20.16.0/24", "10.20.17.0/24"]) && alltrue([for r in aws_vpc_security_group_egress_rule.lambda_cache : r.from_port == 6379 && r.to_port == 6380])
    error_message = "Egress to the cache must be ports 6379-6380 to the private subnets only."
  }
}

run "rejects_zone_names" {
  command = plan

  variables {
    availability_zone_ids = ["us-east-1a", "us-east-1b"]
  }

  expect_failures = [var.availability_zone_ids]
}

run "rejects_bad_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.20.0.0"
  }

  expect_failures = [var.vpc_cidr]
}
