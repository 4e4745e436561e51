mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = {
      names = ["us-east-1a", "us-east-1b"]
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111122223333"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
}

variables {
  name               = "habits-test"
  availability_zones = ["us-east-1a", "us-east-1b"]
}

run "designed_cidrs_over_two_azs" {
  command = plan

  assert {
    condition     = aws_vpc.this.cidr_block == "10.20.0.0/16"
    error_message = "The VPC must be 10.20.0.0/16."
  }

  assert {
    condition     = aws_subnet.public[*].cidr_block == ["10.20.0.0/24", "10.20.1.0/24"]
    error_message = "Public subnets must be 10.20.0.0/24 and 10.20.1.0/24."
  }

  assert {
    condition     = aws_subnet.private[*].cidr_block == ["10.20.16.0/24", "10.20.17.0/24"]
    error_message = "Private subnets must be 10.20.16.0/24 and 10.20.17.0/24."
  }

  assert {
    condition     = aws_subnet.private[*].availability_zone == ["us-east-1a", "us-east-1b"]
    error_message = "Private subnets must span two availability zones."
  }

  assert {
    condition     = alltrue([for s in concat(aws_subnet.public, aws_subnet.private) : !s.map_public_ip_on_launch])
    error_message = "No subnet may give instances public IP addresses."
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1
    error_message = "The single NAT mode must create one NAT gateway."
  }

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL"
    error_message = "VPC flow logs must capture all traffic."
  }
}

run "lambda_security_group_is_egress_only_to_designed_ports" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_egress_rule.lambda_https.from_port == 443 && aws_vpc_security_group_egress_rule.lambda_https.to_port == 443
    error_message = "Lambda egress to the internet must be HTTPS only."
  }

  assert {
    condition     = toset(aws_vpc_security_group_egress_rule.lambda_postgres[*].cidr_ipv4) == toset(["10.20.16.0/24", "10.20.17.0/24"]) && alltrue([for r in aws_vpc_security_group_egress_rule.lambda_postgres : r.from_port == 5432 && r.to_port == 5432])
    error_message = "Lambda egress to PostgreSQL must be port 5432 to the private subnets only."
  }

  assert {
    condition     = toset(aws_vpc_security_group_egress_rule.lambda_redis[*].cidr_ipv4) == toset(["10.20.16.0/24", "10.20.17.0/24"]) && alltrue([for r in aws_vpc_security_group_egress_rule.lambda_redis : r.from_port == 6379 && r.to_port == 6379])
    error_message = "Lambda egress to Redis must be port 6379 to the private subnets only."
  }
}

run "nat_per_az" {
  command = plan

  variables {
    nat_gateway_mode = "per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 2 && length(aws_eip.this) == 2
    error_message = "The per_az NAT mode must create one NAT gateway per availability zone."
  }
}

run "rejects_unknown_nat_mode" {
  command = plan

  variables {
    nat_gateway_mode = "three"
  }

  expect_failures = [var.nat_gateway_mode]
}

run "rejects_bad_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.20.0.0"
  }

  expect_failures = [var.vpc_cidr]
}
