#!/usr/bin/env python3
"""Prints the CloudFormation that the SAM transform makes of a template, as JSON, offline.

    python3 tools/sam_transform.py template.yaml > transformed.json

Runs the SAM translator that cfn-lint installs (samtranslator), as CloudFormation's
AWS::Serverless transform would, without AWS: the roles SAM generates, with every policy
template and event-source permission expanded, are what FunctionRolesTest checks.
"""
import json
import os
import sys

from cfnlint.decode import cfn_yaml
from samtranslator.translator.transform import transform


class NoManagedPolicyNames:
    """The translator asks for AWS managed policy ARNs by name (a policy given as a bare name);
    offline there are none, so such a name stays as written, and a check that wants ARNs sees it."""

    def load(self):
        return {}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    template = cfn_yaml.load(path)
    # The translator accepts only S3 locations for code; the local folder stands for the package.
    globals_function = template.get("Globals", {}).get("Function", {})
    if isinstance(globals_function.get("CodeUri"), str):
        globals_function["CodeUri"] = "s3://sam-build/" + globals_function["CodeUri"]
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
            properties["CodeUri"] = "s3://sam-build/" + properties["CodeUri"]
    json.dump(transform(template, {}, NoManagedPolicyNames()), sys.stdout, indent=1, sort_keys=True, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sam_transform.py TEMPLATE")
    main(sys.argv[1])
