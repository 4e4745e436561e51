# The three pipelines and build projects were separate resources; these keep existing deployments'
# pipelines and projects (and their history) instead of destroying and recreating them.
moved {
  from = aws_codepipeline.terraform
  to   = aws_codepipeline.this["terraform"]
}

moved {
  from = aws_codepipeline.backend
  to   = aws_codepipeline.this["backend"]
}

moved {
  from = aws_codepipeline.frontend
  to   = aws_codepipeline.this["frontend"]
}

moved {
  from = aws_codebuild_project.terraform
  to   = aws_codebuild_project.this["terraform"]
}

moved {
  from = aws_codebuild_project.backend
  to   = aws_codebuild_project.this["backend"]
}

moved {
  from = aws_codebuild_project.frontend
  to   = aws_codebuild_project.this["frontend"]
}
