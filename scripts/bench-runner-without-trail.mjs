// bench:runner's B build: the same source with the episode trail left out of
// the episode screen (a build plugin drops the one <EpisodeTrail> element, so
// the product code has no benchmark switch). Fails the build if the element is
// not found, so the A/B can never quietly compare two identical builds.
const SCREEN = '/src/features/runner/screen/EpisodeScreen.tsx';
const TRAIL_ELEMENT = '<EpisodeTrail view={around} />';

export function withoutEpisodeTrail() {
  let dropped = false;
  return {
    name: 'bench-runner-without-episode-trail',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(SCREEN)) return null;
      if (!code.includes(TRAIL_ELEMENT)) throw new Error(`${SCREEN} no longer has ${TRAIL_ELEMENT}: update the bench's B build`);
      dropped = true;
      return code.replace(TRAIL_ELEMENT, '');
    },
    buildEnd(error) {
      // A build that already failed (e.g. the transform above) keeps its own error.
      if (!error && !dropped) throw new Error(`${SCREEN} was not built: the bench's B build did not leave the trail out`);
    },
  };
}
