#!/usr/bin/env python3
"""Prints the serverless price catalog (Fargate per vCPU-hour and GB-hour, Lambda per GB-second and
request, by architecture; CSV: service,architecture,dimension,unit,usd) that ci/ecs/launch and
ci/lambda/launch price their plans with, after a "# source: ..." line.

The catalog embedded in the jar (dev/archbench/reports/prices/, a CSV with that header) comes first;
without one (a jar built before it), the same catalog in the source tree.

Usage: serverless-prices.py [JAR]
"""
import pathlib
import sys
import zipfile

HEADER = "service,architecture,dimension,unit,usd"
PRICES = "dev/archbench/reports/prices/"
FALLBACK = (pathlib.Path(__file__).resolve().parent.parent
            / "reports/src/main/resources/dev/archbench/reports/prices/serverless-us-east-1.csv")


def from_jar(jar):
    try:
        with zipfile.ZipFile(jar) as z:
            for name in sorted(z.namelist()):
                if name.startswith(PRICES) and name.endswith(".csv"):
                    text = z.read(name).decode()
                    if text.splitlines()[:1] == [HEADER]:
                        return name, text
    except (OSError, zipfile.BadZipFile):
        pass
    return None


def main():
    found = from_jar(sys.argv[1]) if len(sys.argv) > 1 else None
    if found:
        name, text = found
        print(f"# source: the jar's catalog {name} (us-east-1, on-demand)")
    else:
        text = FALLBACK.read_text()
        print(f"# source: {FALLBACK.name} in the source tree (us-east-1, on-demand; sources in its ATTRIBUTION.md)")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


if __name__ == "__main__":
    main()
