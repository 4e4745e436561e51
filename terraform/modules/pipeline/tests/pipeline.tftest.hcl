mock_provider "aws" {
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

override_resource {
  target          = aws_s3_bucket.this
  override_during = plan
  values = {
    arn = "arn:aws:s3:::habits-test-pipeline-artifacts-111122223333"
  }
}

override_resource {
  target          = aws_codestarconnections_connection.this
  override_during = plan
  values = {
    arn = "arn:aws:codestar-connections:us-east-1:111122223333:connection/0000-1111"
  }
}

override_resource {
  target          = aws_cloudwatch_log_group.this
  override_during = plan
  values = {
    arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/codebuild/habits-test-build"
  }
}

variables {
  name                     = "habits-test"
  global_name              = "habits-test"
  kms_key_arn              = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-0000000000a1"
  permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
  environment              = "staging"
  repository_id            = "example/habit-tracker"
  terraform_state_bucket   = "example-terraform-state"
  terraform_state_key      = "habits/staging/terraform.tfstate"
  migrate_function_name    = "habits-test-migrate"
  migrate_function_arn     = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-migrate"
  terraform_variables      = { domain_name = "habits.example.com", operator_principal_arns = "[\"arn:aws:iam::111122223333:role/operators\"]" }
  ecr_repository_arn       = "arn:aws:ecr:us-east-1:111122223333:repository/habits-test-api"
  ecr_repository_url       = "111122223333.dkr.ecr.us-east-1.amazonaws.com/habits-test-api"
  ecr_kms_key_arn          = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-0000000000ec"
  function_name            = "habits-test-api"
  function_arn             = "arn:aws:lambda:us-east-1:111122223333:function:habits-test-api"
  site_bucket_arn          = "arn:aws:s3:::habits-test-site-111122223333"
  site_bucket_name         = "habits-test-site-111122223333"
  site_kms_key_arn         = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-00000000051e"
  distribution_arn         = "arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE"
  distribution_id          = "E2EXAMPLE"
  site_url                 = "https://habits.example.com"
}

run "three_v2_pipelines_from_the_github_connection" {
  command = plan

  assert {
    condition     = alltrue([for p in [aws_codepipeline.this["terraform"], aws_codepipeline.this["backend"], aws_codepipeline.this["frontend"]] : p.pipeline_type == "V2"])
    error_message = "All three pipelines must be CodePipeline V2."
  }

  assert {
    condition     = aws_codestarconnections_connection.this.provider_type == "GitHub"
    error_message = "The source must be a GitHub connection."
  }

  assert {
    condition     = alltrue([for p in [aws_codepipeline.this["terraform"], aws_codepipeline.this["backend"], aws_codepipeline.this["frontend"]] : p.stage[0].action[0].provider == "CodeStarSourceConnection" && p.stage[0].action[0].configuration.FullRepositoryId == "example/habit-tracker"])
    error_message = "Every pipeline must start from the repository through the connection."
  }

  assert {
    condition     = [for s in aws_codepipeline.this["terraform"].stage : s.name] == ["Source", "Plan", "Apply"]
    error_message = "Staging applies the plan without a manual approval."
  }

  assert {
    condition     = { for k, p in { terraform = aws_codebuild_project.this["terraform"], backend = aws_codebuild_project.this["backend"], frontend = aws_codebuild_project.this["frontend"] } : k => p.source[0].buildspec } == { terraform = "buildspec/terraform.yml", backend = "buildspec/backend.yml", frontend = "buildspec/frontend.yml" }
    error_message = "Each build must use its buildspec file."
  }

  assert {
    condition     = aws_codebuild_project.this["backend"].environment[0].privileged_mode && aws_codebuild_project.this["frontend"].environment[0].privileged_mode != true && aws_codebuild_project.this["terraform"].environment[0].privileged_mode != true
    error_message = "Only the backend build (docker) runs privileged."
  }
}

run "builds_get_the_variables_deploy_mk_reads" {
  command = plan

  assert {
    condition     = { for v in aws_codebuild_project.this["backend"].environment[0].environment_variable : v.name => v.value if v.name != "ENVIRONMENT" } == { ECR_REPOSITORY_URL = "111122223333.dkr.ecr.us-east-1.amazonaws.com/habits-test-api", LAMBDA_FUNCTION = "habits-test-api", MIGRATE_FUNCTION = "habits-test-migrate", SITE_URL = "https://habits.example.com" }
    error_message = "The backend build must get ECR_REPOSITORY_URL, LAMBDA_FUNCTION, MIGRATE_FUNCTION and SITE_URL."
  }

  assert {
    condition     = { for v in aws_codebuild_project.this["frontend"].environment[0].environment_variable : v.name => v.value if v.name != "ENVIRONMENT" } == { SITE_BUCKET = "habits-test-site-111122223333", DISTRIBUTION_ID = "E2EXAMPLE" }
    error_message = "The frontend build must get SITE_BUCKET and DISTRIBUTION_ID."
  }

  assert {
    condition     = { for v in aws_codebuild_project.this["terraform"].environment[0].environment_variable : v.name => v.value if v.name != "TF_IN_AUTOMATION" } == { ENVIRONMENT = "staging", TF_STATE_BUCKET = "example-terraform-state", TF_STATE_KEY = "habits/staging/terraform.tfstate", TF_VAR_domain_name = "habits.example.com", TF_VAR_operator_principal_arns = "[\"arn:aws:iam::111122223333:role/operators\"]" }
    error_message = "The terraform build must get ENVIRONMENT, the state bucket and key (no lock table: S3 locks), and the environment's TF_VAR_* values."
  }

  assert {
    condition     = [for s in aws_codepipeline.this["terraform"].stage : jsondecode(s.action[0].configuration.EnvironmentVariables)[0].value if contains(["Plan", "Apply"], s.name)] == ["plan", "apply"]
    error_message = "The terraform build must run with ACTION=plan, then ACTION=apply."
  }

  assert {
    condition     = one([for s in aws_codepipeline.this["terraform"].stage : s.action[0].input_artifacts if s.name == "Apply"]) == tolist(["plan"])
    error_message = "The apply must run on the plan build's output (the checkout with the saved plan)."
  }
}

run "artifact_bucket_is_private_encrypted_and_versioned" {
  command = plan

  assert {
    condition     = aws_s3_bucket_public_access_block.this.block_public_acls && aws_s3_bucket_public_access_block.this.block_public_policy && aws_s3_bucket_public_access_block.this.ignore_public_acls && aws_s3_bucket_public_access_block.this.restrict_public_buckets
    error_message = "The artifact bucket must block public access."
  }

  assert {
    condition     = aws_s3_bucket_versioning.this.versioning_configuration[0].status == "Enabled"
    error_message = "The artifact bucket must be versioned."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "The artifact bucket must be encrypted with KMS."
  }

  assert {
    condition     = alltrue([for p in [aws_codepipeline.this["terraform"], aws_codepipeline.this["backend"], aws_codepipeline.this["frontend"]] : one(p.artifact_store).encryption_key[0].type == "KMS"])
    error_message = "Pipelines must encrypt artifacts with the KMS key."
  }
}

run "build_roles_reach_only_their_own_targets" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.codebuild["backend"].policy).Statement : s.Resource if s.Sid == "PushToOwnRepository"]) == ["arn:aws:ecr:us-east-1:111122223333:repository/habits-test-api"]
    error_message = "The backend build may push to its repository only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.codebuild["backend"].policy).Statement : s.Resource if s.Sid == "RunMigrations"]) == ["arn:aws:lambda:us-east-1:111122223333:function:habits-test-migrate", "arn:aws:lambda:us-east-1:111122223333:function:habits-test-migrate:*"]
    error_message = "The backend build may invoke the migration function, and only it."
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.codebuild["backend"].policy).Statement : s if contains(flatten([s.Action]), "lambda:InvokeFunction") && contains(flatten([s.Resource]), "arn:aws:lambda:us-east-1:111122223333:function:habits-test-api:*")]) == 0
    error_message = "The backend build must not invoke the API function (no management commands there)."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.codebuild["backend"].policy).Statement : s.Condition.Bool["kms:GrantIsForAWSResource"] if s.Sid == "LetLambdaUseTheImageKey"]) == "true"
    error_message = "The backend build may create grants on the image key for AWS services only (Lambda)."
  }

  assert {
    condition     = toset(flatten([for s in jsondecode(aws_iam_role_policy.codebuild["frontend"].policy).Statement : s.Resource if startswith(s.Sid, "ListSite") || startswith(s.Sid, "SyncSite")])) == toset(["arn:aws:s3:::habits-test-site-111122223333", "arn:aws:s3:::habits-test-site-111122223333/*"])
    error_message = "The frontend build may sync its bucket only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.codebuild["frontend"].policy).Statement : s.Resource if s.Sid == "InvalidateOwnDistribution"]) == ["arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE"]
    error_message = "The frontend build may invalidate its distribution only."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.codebuild["backend"].policy).Statement : s.Sid == "EcrLogin" || !contains(s.Resource, "*")])
    error_message = "Only the ECR login (which has no resource) may apply to every resource."
  }

  assert {
    condition     = length(setintersection(toset(flatten([for s in jsondecode(aws_iam_role_policy.codebuild["frontend"].policy).Statement : s.Action])), toset(["lambda:UpdateFunctionCode", "ecr:PutImage", "iam:PassRole"]))) == 0
    error_message = "The frontend build must not deploy the API or pass roles."
  }
}

run "production_asks_for_approval_before_applying" {
  command = plan

  variables {
    environment             = "production"
    require_manual_approval = true
  }

  assert {
    condition     = [for s in aws_codepipeline.this["terraform"].stage : s.name] == ["Source", "Plan", "Approve", "Apply"]
    error_message = "Production must stop for a manual approval between plan and apply."
  }

  assert {
    condition     = [for s in aws_codepipeline.this["backend"].stage : s.name] == ["Source", "Approve", "Deploy"] && [for s in aws_codepipeline.this["frontend"].stage : s.name] == ["Source", "Approve", "Deploy"]
    error_message = "Production deployments of the API and the SPA must be approved too."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    environment   = "qa"
    repository_id = "not a repository"
  }

  expect_failures = [var.environment, var.repository_id]
}

run "terraform_build_cannot_escalate" {
  command = plan

  assert {
    condition     = !contains(one([for s in output.terraform_build_policy.Statement : s.Condition.ArnEquals["iam:PolicyARN"] if s.Sid == "AttachOnlyTheManagedPoliciesInUseWithinTheBoundary"]), "arn:aws:iam::aws:policy/AdministratorAccess")
    error_message = "The terraform build may attach only the managed policies the configuration uses."
  }

  assert {
    condition = alltrue([for s in output.terraform_build_policy.Statement :
      try(s.Condition.StringEquals["iam:PermissionsBoundary"], null) == var.permissions_boundary_arn
      if s.Effect == "Allow" && length(setintersection(toset(flatten([s.Action])), toset(["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary"]))) > 0
    ])
    error_message = "Every allowed role write must require the permissions boundary."
  }

  assert {
    condition     = toset(one([for s in output.terraform_build_policy.Statement : s.Resource if s.Sid == "NeverChangeThePipelinesOwnRoles"])) == toset(["arn:aws:iam::111122223333:role/habits-test-codebuild-terraform", "arn:aws:iam::111122223333:role/habits-test-codebuild-backend", "arn:aws:iam::111122223333:role/habits-test-codebuild-frontend", "arn:aws:iam::111122223333:role/habits-test-codepipeline"]) && contains(one([for s in output.terraform_build_policy.Statement : s.Action if s.Sid == "NeverChangeThePipelinesOwnRoles"]), "iam:PutRolePolicy")
    error_message = "The pipeline's own roles (its own included) are denied every change."
  }

  assert {
    condition     = one([for s in output.terraform_build_policy.Statement : s.Resource if s.Sid == "NeverChangeTheBoundary"]) == [var.permissions_boundary_arn] && one([for s in output.terraform_build_policy.Statement : s.Effect if s.Sid == "NeverRemoveABoundary"]) == "Deny"
    error_message = "The boundary can be neither changed nor removed by the pipeline."
  }

  assert {
    condition     = coalesce(output.role_boundaries["codebuild-terraform"], "none") == "none" && [for k in ["codebuild-backend", "codebuild-frontend", "codepipeline"] : output.role_boundaries[k]] == [var.permissions_boundary_arn, var.permissions_boundary_arn, var.permissions_boundary_arn]
    error_message = "The pipeline roles without IAM duties carry the boundary too."
  }

  assert {
    condition     = alltrue([for r in concat(values(aws_iam_role.codebuild), [aws_iam_role.codepipeline]) : alltrue([for st in jsondecode(r.assume_role_policy).Statement : length(keys(st.Principal)) == 1 && contains(keys(st.Principal), "Service") && st.Condition.StringEquals["aws:SourceAccount"] == "111122223333"])])
    error_message = "Pipeline roles trust AWS services acting for this account only."
  }
}

run "state_locks_in_s3_and_the_source_connection_is_usable_under_both_prefixes" {
  command = plan

  assert {
    condition     = one([for s in output.terraform_build_policy.Statement : s.Resource if s.Sid == "TerraformStateAndLockFile"]) == ["arn:aws:s3:::example-terraform-state/habits/staging/terraform.tfstate", "arn:aws:s3:::example-terraform-state/habits/staging/terraform.tfstate.tflock"]
    error_message = "The build reads and writes this environment's state and its S3 lock file, nothing else in the bucket."
  }

  assert {
    condition     = length([for s in output.terraform_build_policy.Statement : s if strcontains(jsonencode(s), "dynamodb")]) == 0
    error_message = "No DynamoDB lock table any more."
  }

  assert {
    condition     = output.source_connection_statement.Action == ["codestar-connections:UseConnection", "codeconnections:UseConnection"] && toset(output.source_connection_statement.Resource) == toset(["arn:aws:codestar-connections:us-east-1:111122223333:connection/0000-1111", "arn:aws:codeconnections:us-east-1:111122223333:connection/0000-1111"])
    error_message = "The pipelines may use the connection under both service prefixes."
  }
}
