// @d4l/js-fhir-validator ships HL7's R4 JSON schema (4.0) compiled by Ajv, without types.
declare module '@d4l/js-fhir-validator' {
  interface R4Validator {
    (value: unknown): boolean;
    errors?: Array<{ instancePath?: string; message?: string }> | null;
  }
  const validate: R4Validator;
  export default validate;
}
