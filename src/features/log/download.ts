// Exports leave the Log section as downloaded files (src/ui/files); the save
// function is passed in so tests, where jsdom cannot download, can replace it.
export { saveTextFile, type SaveFile } from '../../ui/files';
