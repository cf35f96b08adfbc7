// The types generated from specs/smarter.yaml. A relative import on purpose: tsup inlines it
// into the published .d.ts, so users never need the private package it lives in.
export type { Body, Data, Result, Schemas } from '../../../../tooling/spec-types/src/smarter';
