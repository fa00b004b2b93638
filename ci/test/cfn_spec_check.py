#!/usr/bin/env python3
"""Checks a CloudFormation template against the CloudFormation resource specification (the
specification.json that npm's @aws-cdk/cfnspec ships): every resource type exists, every property
name exists, required properties are present, nested property types recurse (both branches of an
Fn::If), scalars are not given where a structure is expected and the reverse, and every
Fn::GetAtt names a real attribute. Fn::ForEach bodies are checked like plain resources.

Usage: cfn_spec_check.py SPECIFICATION.json TEMPLATE.yaml   (one line per problem; exit 1 if any)
"""
import sys

import yaml

RESOURCE_KEYS = {"Type", "Properties", "Condition", "DependsOn", "Metadata", "DeletionPolicy",
                 "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy"}


def is_intrinsic(value):
    return isinstance(value, dict) and len(value) == 1 and (
        next(iter(value)) == "Ref" or next(iter(value)).startswith("Fn::"))


class Checker:
    def __init__(self, spec):
        self.spec = spec
        self.problems = []

    def property_type(self, resource_type, name):
        return self.spec["PropertyTypes"].get(f"{resource_type}.{name}") or self.spec["PropertyTypes"].get(name)

    def value(self, where, resource_type, prop, value):
        if isinstance(value, dict) and "Fn::If" in value and len(value) == 1:
            for branch in value["Fn::If"][1:]:
                if branch != {"Ref": "AWS::NoValue"}:
                    self.value(where, resource_type, prop, branch)
            return
        if is_intrinsic(value):
            return
        kind = prop.get("Type")
        if prop.get("PrimitiveType") == "Json" or kind == "Map":
            return
        if "PrimitiveType" in prop:
            if isinstance(value, (dict, list)):
                self.problems.append(f"{where}: expected a {prop['PrimitiveType']}, got a structure")
            return
        if kind == "List":
            if not isinstance(value, list):
                self.problems.append(f"{where}: expected a list")
                return
            for i, item in enumerate(value):
                if "ItemType" in prop:
                    self.structure(f"{where}[{i}]", resource_type, prop["ItemType"], item)
                elif isinstance(item, (dict, list)) and not is_intrinsic(item):
                    self.problems.append(f"{where}[{i}]: expected a {prop.get('PrimitiveItemType')}")
            return
        self.structure(where, resource_type, kind, value)

    def structure(self, where, resource_type, type_name, value):
        if is_intrinsic(value):
            return
        spec = self.property_type(resource_type, type_name)
        if spec is None:
            self.problems.append(f"{where}: unknown property type {type_name}")
            return
        if not isinstance(value, dict):
            self.problems.append(f"{where}: expected a {type_name} structure")
            return
        self.properties(where, resource_type, spec.get("Properties", {}), value)

    def properties(self, where, resource_type, spec_props, value):
        for name, v in value.items():
            if name not in spec_props:
                self.problems.append(f"{where}: {resource_type} has no property {name}")
            else:
                self.value(f"{where}.{name}", resource_type, spec_props[name], v)
        for name, prop in spec_props.items():
            if prop.get("Required") and name not in value:
                self.problems.append(f"{where}: required property {name} missing")

    def resource(self, logical_id, resource):
        extra = set(resource) - RESOURCE_KEYS
        if extra:
            self.problems.append(f"{logical_id}: unknown resource keys {sorted(extra)}")
        rtype = resource.get("Type")
        spec = self.spec["ResourceTypes"].get(rtype)
        if spec is None:
            self.problems.append(f"{logical_id}: unknown resource type {rtype}")
            return
        self.properties(logical_id, rtype, spec.get("Properties", {}), resource.get("Properties", {}))

    def get_atts(self, node, types):
        if isinstance(node, dict):
            if "Fn::GetAtt" in node:
                target, attribute = node["Fn::GetAtt"]
                rtype = types.get(target)
                attributes = self.spec["ResourceTypes"].get(rtype, {}).get("Attributes", {})
                if rtype and attribute not in attributes:
                    self.problems.append(f"Fn::GetAtt {target}.{attribute}: {rtype} has no such attribute")
            for v in node.values():
                self.get_atts(v, types)
        elif isinstance(node, list):
            for v in node:
                self.get_atts(v, types)


def resources(template):
    """Logical id -> resource, with each Fn::ForEach body (nested ones too) as one resource."""
    out = {}

    def add(fragment):
        for key, value in fragment.items():
            if key.startswith("Fn::ForEach::"):
                add(value[2])
            else:
                out[key] = value
    add(template.get("Resources", {}))
    return out


def main(spec_path, template_path):
    with open(spec_path) as f:
        checker = Checker(__import__("json").load(f))
    with open(template_path) as f:
        template = yaml.safe_load(f)
    found = resources(template)
    for logical_id, resource in found.items():
        checker.resource(logical_id, resource)
    checker.get_atts(template, {k: v.get("Type") for k, v in found.items()})
    for p in checker.problems:
        print(f"{template_path}: {p}")
    print(f"{len(found)} resources checked against resource specification "
          f"{checker.spec.get('ResourceSpecificationVersion')}")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
