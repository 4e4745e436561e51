"""Operator tools for the AWS deployment: disaster recovery (`ops.dr`), deploy steps (`ops.deploy`).

Plain boto3 and the standard library only: these commands run on an operator's laptop or in
CodeBuild, where Django and its settings are neither installed nor wanted.
"""
