// The boot sequence first: it opens the database while the rest of the app is evaluated (see state/boot.svelte.ts).
import './state/boot.svelte';
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');

export default mount(App, { target });
