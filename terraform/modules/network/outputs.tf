output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (NAT gateways only)."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (Lambda, Aurora, Redis)."
  value       = aws_subnet.private[*].id
}

output "availability_zones" {
  description = "The two availability zones the subnets span."
  value       = local.azs
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways (one, or one per availability zone)."
  value       = aws_nat_gateway.this[*].id
}

output "lambda_security_group_id" {
  description = "Security group for the API Lambda functions; the database and cache allow ingress from it only."
  value       = aws_security_group.this.id
}
