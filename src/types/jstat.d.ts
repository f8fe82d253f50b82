// jStat ships no type declarations; cica-sim uses only the Student t quantile. It is a CommonJS
// module, so ESM code imports its default export.
declare module 'jstat' {
  const jstat: {
    jStat: {
      studentt: { inv(p: number, degreesOfFreedom: number): number };
    };
  };
  export default jstat;
}
