#!/usr/bin/env python3
"""Checks the container and Lambda CloudFormation templates (ci/ecs/tasks.yaml, ci/lambda/functions.yaml)
the way ci/ec2/template checks fleet.yaml: what a linter would catch for what they use, and the rules
that keep a benchmark run cheap and contained.

Everywhere: long-form Fn:: syntax only; every Ref, Fn::GetAtt, Fn::Sub variable and condition resolves
(parameters, resources, pseudo parameters, Fn::ForEach identifiers); the body fits
`aws cloudformation deploy` without --s3-bucket (51,200 bytes). IAM roles: inline policies allow
s3:PutObject only, on the bucket's prefix (no wildcard bucket), and managed policies come from a
short list (ECS task execution, Lambda basic execution). Security groups: no inbound rules. Log
groups: a retention. ECS task definitions: Fargate, awsvpc, an architecture; the archbench container
not essential, writing to the shared volume; an essential uploader that waits for it to COMPLETE.
Lambda functions: an architecture, a memory size, a timeout, DJL's cache under /tmp (the only
writable directory).

Usage: cfn_template_check.py TEMPLATE.yaml...   (one line per problem; exit 1 if any)
"""
import sys

import yaml

PSEUDO = {"AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::AccountId", "AWS::NoValue",
          "AWS::StackId", "AWS::URLSuffix"}
MANAGED_POLICIES = {"service-role/AmazonECSTaskExecutionRolePolicy", "service-role/AWSLambdaBasicExecutionRole"}
BODY_LIMIT = 51200


def sub_variables(text):
    out, i = [], 0
    while (i := text.find("${", i)) >= 0:
        end = text.find("}", i)
        name = text[i + 2:end]
        if not name.startswith("!"):
            out.append(name.split(".")[0])
        i = end + 1
    return out


def walk(node, visit, path="$"):
    visit(node, path)
    if isinstance(node, dict):
        for k, v in node.items():
            walk(v, visit, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, visit, f"{path}[{i}]")


def resources(fragment):
    """(logical id, resource) of every resource, Fn::ForEach bodies included; and the loop identifiers."""
    found, loops = [], set()
    for key, value in fragment.items():
        if key.startswith("Fn::ForEach::"):
            loops.add(value[0])
            inner, inner_loops = resources(value[2])
            found += inner
            loops |= inner_loops
        else:
            found.append((key, value))
    return found, loops


def check(path):
    text = open(path).read()
    doc = yaml.safe_load(text)
    problems = []
    if len(text.encode()) > BODY_LIMIT:
        problems.append(f"template is {len(text.encode())} bytes; deploy without --s3-bucket takes {BODY_LIMIT}")
    params = set(doc.get("Parameters", {}))
    conditions = set(doc.get("Conditions", {}))
    all_resources, loops = resources(doc["Resources"])
    names = {k for k, _ in all_resources if "&{" not in k}
    refs_ok = params | names | PSEUDO | loops

    def visit(node, where):
        if not isinstance(node, dict):
            return
        if "Ref" in node and node["Ref"] not in refs_ok:
            problems.append(f"{where}: Ref to unknown {node['Ref']!r}")
        if "Fn::GetAtt" in node and node["Fn::GetAtt"][0] not in names:
            problems.append(f"{where}: Fn::GetAtt of unknown resource {node['Fn::GetAtt'][0]!r}")
        if "Fn::If" in node and node["Fn::If"][0] not in conditions:
            problems.append(f"{where}: Fn::If on unknown condition {node['Fn::If'][0]!r}")
        if isinstance(node.get("Fn::Sub"), str):
            problems.extend(f"{where}: Fn::Sub of unknown ${{{name}}}"
                            for name in sub_variables(node["Fn::Sub"]) if name not in refs_ok)
        problems.extend(f"{where}: short-form tag {k}; use the long Fn:: form"
                        for k in node if isinstance(k, str) and k.startswith("!"))

    walk(doc, visit)
    for name, resource in all_resources:
        kind, props = resource.get("Type"), resource.get("Properties", {})
        if "Condition" in resource and resource["Condition"] not in conditions:
            problems.append(f"{name}: unknown condition {resource['Condition']!r}")
        if kind == "AWS::IAM::Role":
            for policy in props.get("Policies", []):
                for s in policy["PolicyDocument"]["Statement"]:
                    resource_text = str(s.get("Resource"))
                    if s["Effect"] == "Allow" and s["Action"] != "s3:PutObject":
                        problems.append(f"{name}: allows more than s3:PutObject: {s['Action']}")
                    if ":::*" in resource_text or "/*" not in resource_text or "${Prefix}" not in resource_text:
                        problems.append(f"{name}: {s['Action']} must be limited to the bucket's prefix: {resource_text}")
            for arn in props.get("ManagedPolicyArns", []):
                arn_text = arn.get("Fn::Sub", "") if isinstance(arn, dict) else str(arn)
                if not any(arn_text.endswith(":policy/" + p) for p in MANAGED_POLICIES):
                    problems.append(f"{name}: managed policy {arn} is not one of {sorted(MANAGED_POLICIES)}")
        elif kind == "AWS::EC2::SecurityGroup" and props.get("SecurityGroupIngress"):
            problems.append(f"{name}: inbound rules; archbench needs none")
        elif kind == "AWS::Logs::LogGroup" and "RetentionInDays" not in props:
            problems.append(f"{name}: no RetentionInDays (logs would be kept, and billed, forever)")
        elif kind == "AWS::ECS::TaskDefinition":
            problems += task_definition_problems(name, props)
        elif kind == "AWS::Lambda::Function":
            for key in ("Architectures", "Timeout", "MemorySize"):
                if key not in props:
                    problems.append(f"{name}: no {key}")
            if not str((props.get("Environment") or {}).get("Variables", {}).get("DJL_CACHE_DIR", "")).startswith("/tmp"):
                problems.append(f"{name}: DJL_CACHE_DIR must be under /tmp (the only writable directory)")
    return [f"{path}: {p}" for p in problems]


def task_definition_problems(name, props):
    problems = []
    if props.get("RequiresCompatibilities") != ["FARGATE"] or props.get("NetworkMode") != "awsvpc":
        problems.append(f"{name}: must require FARGATE with NetworkMode awsvpc")
    if "CpuArchitecture" not in (props.get("RuntimePlatform") or {}):
        problems.append(f"{name}: no RuntimePlatform.CpuArchitecture (Fargate would pick x86_64)")
    containers = {c["Name"]: c for c in props.get("ContainerDefinitions", [])}
    archbench, uploaders = containers.get("archbench"), [c for c in containers.values() if c["Name"] != "archbench"]
    volumes = {v["Name"] for v in props.get("Volumes", [])}
    if archbench is None:
        return problems + [f"{name}: no container named archbench (ci/ecs/launch overrides its command)"]
    if archbench.get("Essential", True):
        problems.append(f"{name}: archbench must not be essential, or its exit stops the task before the upload")
    mounts = {(m["SourceVolume"], m["ContainerPath"]) for m in archbench.get("MountPoints", [])}
    if not any(v in volumes and p == "/work/results" for v, p in mounts):
        problems.append(f"{name}: archbench must write /work/results on a task volume")
    if not any(c.get("Essential", True) and {"ContainerName": "archbench", "Condition": "COMPLETE"} in c.get("DependsOn", [])
               for c in uploaders):
        problems.append(f"{name}: no essential container waits for archbench to COMPLETE (the upload)")
    for c in containers.values():
        if (c.get("LogConfiguration") or {}).get("LogDriver") != "awslogs":
            problems.append(f"{name}: container {c['Name']} logs nowhere (awslogs)")
    return problems


def main():
    problems = [p for path in sys.argv[1:] for p in check(path)]
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok: {', '.join(sys.argv[1:])}")


if __name__ == "__main__":
    main()
