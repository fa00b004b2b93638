#!/usr/bin/env python3
"""Exports archbench's inference models as TorchScript for DJL's PyTorch engine.

The generated models (resnet50, mobilenetv2, mlp) are rebuilt with torch/torchvision and loaded with
the very weights archbench wrote into its ONNX files (an .npz whose keys are state_dict keys), so
ONNX Runtime and PyTorch run identical parameters. minilm is rebuilt as a BERT encoder from the
pretrained ONNX file's weights (dequantized), read with a minimal protobuf reader.

With --neuron the model is compiled with torch_neuronx.trace (on an Inferentia2/Trainium instance,
inside the Neuron SDK's virtual environment) instead of torch.jit.trace.

Prints one JSON line: {"torch": version, "out": path}. Works offline; needs torch (and torchvision
for the CNNs).
"""
import argparse
import json
import sys

import numpy as np
import torch


def build(arch):
    if arch == "resnet50":
        import torchvision
        return torchvision.models.resnet50(), torch.zeros(1, 3, 224, 224)
    if arch == "mobilenetv2":
        import torchvision
        return torchvision.models.mobilenet_v2(), torch.zeros(1, 3, 224, 224)
    if arch == "mlp":
        net = torch.nn.Sequential(
            torch.nn.Linear(64, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 1), torch.nn.Sigmoid())
        return net, torch.zeros(1, 64)
    raise SystemExit("unknown architecture: " + arch)


def load_weights(net, npz_path):
    arrays = np.load(npz_path)
    state = {k: torch.from_numpy(arrays[k].copy()) for k in arrays.files}
    # BatchNorm's step counter is not a weight; ONNX has no place for it.
    for k, v in net.state_dict().items():
        if k.endswith("num_batches_tracked") and k not in state:
            state[k] = v
    net.load_state_dict(state, strict=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", required=True, choices=["resnet50", "mobilenetv2", "mlp", "minilm"])
    p.add_argument("--weights", help=".npz of state_dict tensors (generated models)")
    p.add_argument("--onnx", help="the pretrained ONNX file (minilm)")
    p.add_argument("--seq-len", type=int, default=128, help="example sequence length (minilm)")
    p.add_argument("--batch", type=int, default=1, help="example batch (Neuron compiles fixed shapes)")
    p.add_argument("--out", required=True)
    p.add_argument("--neuron", action="store_true", help="compile with torch_neuronx.trace")
    a = p.parse_args()

    torch.manual_seed(0)
    if a.arch == "minilm":
        import minilm_torch
        net, example = minilm_torch.build(a.onnx, a.seq_len, a.batch)
    else:
        net, example = build(a.arch)
        load_weights(net, a.weights)
        example = example.repeat(a.batch, *([1] * (example.dim() - 1)))
    net.eval()
    with torch.no_grad():
        if a.neuron:
            import torch_neuronx
            traced = torch_neuronx.trace(net, example)
        else:
            traced = torch.jit.trace(net, example, check_trace=False)
        torch.jit.save(traced, a.out)
    print(json.dumps({"torch": torch.__version__, "out": a.out}))


if __name__ == "__main__":
    sys.exit(main())
