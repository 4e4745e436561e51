output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  description = "IDs of the private dual-stack subnets (Lambda, Aurora, the cache)."
  value       = aws_subnet.private[*].id
}

output "availability_zone_ids" {
  description = "Zone IDs of the subnets, in order."
  value       = var.availability_zone_ids
}

output "availability_zones" {
  description = "Zone names of the subnets in this account, in the order of availability_zone_ids."
  value       = aws_subnet.private[*].availability_zone
}

output "lambda_security_group_id" {
  description = "Security group for the Lambda functions; the database and cache allow ingress from it only."
  value       = aws_security_group.this.id
}

output "flow_log_group_name" {
  description = "Name of the VPC flow logs' log group (its KMS key must let CloudWatch Logs use it)."
  value       = local.flow_log_name
}

output "internet_routes" {
  description = "Routes out of the VPC, as [{ destination, via }]: the egress-only internet gateway for IPv6, nothing else."
  value       = [{ destination = aws_route.ipv6_egress.destination_ipv6_cidr_block, via = "egress-only-internet-gateway" }]
}

output "private_route_table_id" {
  description = "Route table of the private subnets (where gateway endpoints add their routes)."
  value       = aws_route_table.private.id
}
