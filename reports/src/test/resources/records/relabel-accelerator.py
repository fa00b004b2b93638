#!/usr/bin/env python3
"""Makes v2/inf2-1.json, a stand-in accelerator host, by relabelling real records (no numbers made up).

    python3 reports/src/test/resources/records/relabel-accelerator.py   # after regenerate.sh

The record is v2/c7i-1.json (a real run) reported as inf2.xlarge with one AWS Inferentia2 device,
plus one inference result relabelled as the Neuron variant of the same model: the single-stream MLP
result of v2/c7g-2.json (another real run, on CPU) named singlestream.mlp.pytorch-neuron with
device=neuron, engine=pytorch (the benchmark's real name and parameters in the workload catalog).
The numbers are CPU measurements: the fixture exercises the report's accelerator-beside-CPU layout,
it says nothing about Inferentia. Deterministic: the same inputs give the same bytes.
"""
import copy
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
base = json.loads((here / "v2/c7i-1.json").read_text())
donor = json.loads((here / "v2/c7g-2.json").read_text())

rec = copy.deepcopy(base)
rec["host"]["id"] = "inf2relabelled01"
rec["host"]["cloud"]["instanceType"] = "inf2.xlarge"
rec["host"]["accelerators"] = [{"kind": "neuron", "name": "AWS Inferentia2", "count": 1,
                                "memoryBytes": 32 * 1024 ** 3, "driver": None}]
rec["run"]["id"] = "1f2a0000-0000-4000-8000-00000000a001"


def key(workload, benchmark, params, threads):
    inner = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
    return f"{workload}/{benchmark}" + (f"[{inner}]" if inner else "") + f"@{threads}"


src = next(r for r in donor["results"] if r["benchmark"] == "singlestream.mlp.onnxruntime"
           and r["status"] == "ok")
neuron = copy.deepcopy(src)
neuron["benchmark"] = "singlestream.mlp.pytorch-neuron"
neuron["params"] = {"batch": "1", "device": "neuron", "engine": "pytorch", "model": "mlp"}
neuron["key"] = key(neuron["workload"], neuron["benchmark"], neuron["params"], neuron["threads"])
neuron.setdefault("attributes", {})["device"] = "neuron (relabelled CPU measurement, fixture only)"
rec["results"].append(neuron)

(here / "v2/inf2-1.json").write_text(json.dumps(rec, indent=2) + "\n")
print("wrote", here / "v2/inf2-1.json")
